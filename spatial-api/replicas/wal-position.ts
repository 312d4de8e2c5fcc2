// PostgreSQL write-ahead log positions (LSNs, printed as `16/B374D848`) as numbers that compare.

/** The LSN `hi/lo` (both hexadecimal) as one 64-bit number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text.trim());
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}
