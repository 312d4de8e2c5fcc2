// WAL positions as PostgreSQL prints them compare as numbers (the high part counts 4 GiB), and the
// primary's position a given time ago is the newest sample at least that old.
import type { Pool } from 'pg';
import { PrimaryPosition } from '../../../spatial-api/replicas/primary-position';
import { parseLsn } from '../../../spatial-api/replicas/wal-position';

it('reads hi/lo hexadecimal WAL positions into one comparable number', () => {
  expect(parseLsn('0/0')).toBe(0n);
  expect(parseLsn('0/3000148')).toBe(0x3000148n);
  expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
  expect(() => parseLsn('16-B374D848')).toThrow('not a WAL position');
});

it('answers where the primary was a while ago from its samples', async () => {
  const positions = ['0/100', '0/200', '0/300', '0/400'];
  const primary = {
    query: async () => ({ rows: [{ lsn: positions.shift()! }] }),
  } as unknown as Pool;
  const position = new PrimaryPosition(primary, 10_000);
  expect(position.positionAgo(1000, 0)).toBeNull();
  await position.current(1000);
  await position.current(2000);
  await position.current(3000);
  await position.current(4000);
  // at 4500, 1 s ago was 3500: the newest sample at or before it is the one taken at 3000
  expect(position.positionAgo(1000, 4500)).toBe(0x300n);
  expect(position.positionAgo(0, 4500)).toBe(0x400n);
  // a history shorter than the age asked: the oldest position seen
  expect(position.positionAgo(60_000, 4500)).toBe(0x100n);
});
