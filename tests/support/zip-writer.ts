// A tiny zip writer for tests: builds archives byte by byte (local headers, central directory, end record)
// so tests can make the hostile ones no zip tool will: "../" names, symlinks, bombs, lying headers.
import { deflateRawSync, crc32 } from 'node:zlib';

export interface ZipEntrySpec {
  /** the name as stored; a Buffer stores raw bytes (e.g. a GBK name) */
  name: string | Buffer;
  /** file contents; absent for a directory entry (name ending in "/") */
  data?: Buffer | string;
  /** default 'deflate' */
  method?: 'store' | 'deflate';
  /** stores a Unix symbolic link whose target is `data` */
  symlink?: boolean;
  /** sets the UTF-8 name flag (bit 11); default: set when `name` is a string with non-ASCII characters */
  utf8Name?: boolean;
  /** uncompressed size written in the headers instead of the real one */
  declaredSize?: number;
  /** a wrong CRC-32 in the headers */
  badCrc?: boolean;
}

const UNIX = 3;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
// 2024-01-01 00:00 in MS-DOS date and time
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

export function writeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const name = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : spec.name;
    const data =
      typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : (spec.data ?? Buffer.alloc(0));
    const isDir = spec.data === undefined && name.at(-1) === 0x2f;
    const method = spec.method === 'store' ? 0 : 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const crc = (crc32(data) ^ (spec.badCrc ? 0xffffffff : 0)) >>> 0;
    const size = spec.declaredSize ?? data.length;
    const utf8 =
      spec.utf8Name ?? (typeof spec.name === 'string' && Buffer.byteLength(spec.name) !== spec.name.length);
    const flags = utf8 ? 0x800 : 0;
    const mode = spec.symlink ? S_IFLNK | 0o777 : isDir ? S_IFDIR | 0o755 : S_IFREG | 0o644;
    const external = ((mode << 16) | (isDir ? 0x10 : 0)) >>> 0;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((UNIX << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(external, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directory, end]);
}
