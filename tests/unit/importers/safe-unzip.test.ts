// Unpacking uploaded zips: normal archives come out whole; path traversal, links, bombs and damaged files
// are refused and leave nothing behind. Archives are built byte by byte at test time (tests/support).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { safeUnzip, shapefileParts } from '../../../importers/archive/safe-unzip';
import { ImportError } from '../../../importers/import-error';
import { writeZip, type ZipEntrySpec } from '../../support/zip-writer';

// "生态保护红线" in GBK, as Chinese Windows stores an entry name (no UTF-8 flag)
const RED_LINE_GBK = Buffer.from('C9FACCACB1A3BBA4BAECCFDF', 'hex');
const MiB = 1024 * 1024;

let work: string;
let dest: string;

beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'safe-unzip-'));
  dest = path.join(work, 'out');
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function zipFile(entries: ZipEntrySpec[], name = 'upload.zip'): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, writeZip(entries));
  return file;
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Every file below `dir`, relative, or [] when it does not exist. */
async function filesBelow(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('safeUnzip', () => {
  it('extracts files into folders and returns their relative paths', async () => {
    const zip = await zipFile([
      { name: 'roads/' },
      { name: 'roads/road.shp', data: randomBytes(2000), method: 'store' },
      { name: 'roads/road.dbf', data: 'x'.repeat(5000) },
      { name: 'deep/er/readme.txt', data: '说明' },
      { name: Buffer.concat([RED_LINE_GBK, Buffer.from('.prj')]), data: 'GEOGCS["China_2000"]' },
    ]);
    const paths = await safeUnzip(zip, dest);
    expect(paths).toEqual(['roads/road.shp', 'roads/road.dbf', 'deep/er/readme.txt', '生态保护红线.prj']);
    expect(await readFile(path.join(dest, 'roads/road.dbf'), 'utf8')).toBe('x'.repeat(5000));
    expect(await readFile(path.join(dest, 'deep/er/readme.txt'), 'utf8')).toBe('说明');
    expect(await readFile(path.join(dest, '生态保护红线.prj'), 'utf8')).toBe('GEOGCS["China_2000"]');
  });

  it('reads backslash-separated names the way Windows tools write them', async () => {
    const zip = await zipFile([{ name: 'layer\\parcels.cpg', data: 'GBK' }]);
    expect(await safeUnzip(zip, dest)).toEqual(['layer/parcels.cpg']);
    expect(await readFile(path.join(dest, 'layer', 'parcels.cpg'), 'utf8')).toBe('GBK');
  });

  it('lets small, very compressible files through', async () => {
    const zip = await zipFile([{ name: 'blank.txt', data: ' '.repeat(900 * 1024) }]);
    expect(await safeUnzip(zip, dest)).toEqual(['blank.txt']);
  });

  it.each([
    ['../evil.txt'],
    ['/abs.txt'],
    ['a/../../evil.txt'],
    ['..\\evil.txt'],
    ['a\\..\\..\\evil.txt'],
    ['C:/evil.txt'],
    ['C:\\evil.txt'],
  ])('refuses a zip entry that escapes the folder: %s', async (name) => {
    const zip = await zipFile([
      { name: 'first.txt', data: 'extracted before the bad entry' },
      { name, data: 'escaped' },
    ]);
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_slip');
    expect(error.details.entry).toBe(name);
    expect(error.message).toContain(name);
    expect(existsSync(path.join(work, 'evil.txt'))).toBe(false);
    expect(existsSync('/abs.txt')).toBe(false);
    expect(existsSync(dest)).toBe(false);
    expect(await filesBelow(work)).toEqual(['upload.zip']);
  });

  it('refuses an entry that would be written through a link already in the folder', async () => {
    const outside = path.join(work, 'outside');
    await mkdir(outside);
    await mkdir(dest);
    await symlink(outside, path.join(dest, 'link'));
    const zip = await zipFile([{ name: 'link/x.txt', data: 'escaped' }]);
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_slip');
    expect(await filesBelow(outside)).toEqual([]);
  });

  it('refuses a symbolic link entry', async () => {
    const zip = await zipFile([{ name: 'passwd', data: '/etc/passwd', symlink: true }]);
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_slip');
    expect(error.details.entry).toBe('passwd');
    expect(await filesBelow(dest)).toEqual([]);
  });

  it('removes only what it extracted when it refuses, keeping what was there', async () => {
    await mkdir(dest);
    await writeFile(path.join(dest, 'kept.txt'), 'mine');
    const zip = await zipFile([
      { name: 'sub/new.txt', data: 'new' },
      { name: '../evil.txt', data: 'escaped' },
    ]);
    await refusal(safeUnzip(zip, dest));
    expect(await filesBelow(dest)).toEqual(['kept.txt']);
    expect(existsSync(path.join(dest, 'sub'))).toBe(false);
  });

  it('stops a zip bomb by the bytes it actually inflates (ratio)', async () => {
    const zip = await zipFile([
      { name: 'ok.txt', data: 'fine' },
      { name: 'zeros.bin', data: Buffer.alloc(50 * MiB) },
    ]);
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_bomb');
    expect(error.details.entry).toBe('zeros.bin');
    const inflated = error.details.inflatedBytes as number;
    const compressed = error.details.compressedBytes as number;
    expect(inflated / compressed).toBeGreaterThan(200);
    expect(inflated).toBeLessThan(50 * MiB); // stopped mid-stream, not after the fact
    expect(existsSync(dest)).toBe(false);
  });

  it('stops many entries each at the 1 MiB ratio floor by the ratio of the archive as a whole', async () => {
    // each entry alone is never judged (not over 1 MiB); together they inflate about 1000:1
    const zip = await zipFile(
      Array.from({ length: 64 }, (_, i) => ({ name: `zeros-${i}.bin`, data: Buffer.alloc(MiB) })),
    );
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_bomb');
    expect(error.details).toMatchObject({ file: 'upload.zip', maxRatio: 200 });
    const total = error.details.totalBytes as number;
    expect(total / (error.details.archiveBytes as number)).toBeGreaterThan(200);
    expect(total).toBeLessThan(32 * MiB); // stopped mid-way, not after all 64 MiB
    expect(existsSync(dest)).toBe(false);
  });

  it('stops when the total inflated size passes maxTotalBytes', async () => {
    const zip = await zipFile([
      { name: 'a.bin', data: randomBytes(800) },
      { name: 'b.bin', data: randomBytes(800) },
    ]);
    const error = await refusal(safeUnzip(zip, dest, { maxTotalBytes: 1000 }));
    expect(error.code).toBe('zip_bomb');
    expect(error.details).toMatchObject({ entry: 'b.bin', maxTotalBytes: 1000 });
    expect(existsSync(dest)).toBe(false);
  });

  it('does not trust an entry header that understates the size', async () => {
    const zip = await zipFile([{ name: 'liar.bin', data: randomBytes(3 * MiB), declaredSize: 100 }]);
    const error = await refusal(safeUnzip(zip, dest, { maxTotalBytes: MiB }));
    expect(error.code).toBe('zip_bomb');
    expect(error.details.totalBytes as number).toBeGreaterThan(MiB);
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses more entries than maxEntries before extracting any', async () => {
    const zip = await zipFile(Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}` })));
    const error = await refusal(safeUnzip(zip, dest, { maxEntries: 3 }));
    expect(error.code).toBe('zip_bomb');
    expect(error.details).toMatchObject({ entries: 5, maxEntries: 3 });
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses a file that is not a zip', async () => {
    const file = path.join(work, 'parcels.zip');
    await writeFile(file, '界址点数,地块面积\n'.repeat(50));
    const error = await refusal(safeUnzip(file, dest));
    expect(error.code).toBe('zip_invalid');
    expect(error.message).toContain('parcels.zip');
  });

  it('refuses a truncated zip', async () => {
    const whole = writeZip([{ name: 'a.txt', data: 'hello '.repeat(100) }]);
    const file = path.join(work, 'cut.zip');
    await writeFile(file, whole.subarray(0, whole.length - 30));
    expect((await refusal(safeUnzip(file, dest))).code).toBe('zip_invalid');
  });

  it('refuses damaged compressed data and cleans up', async () => {
    const bytes = writeZip([
      { name: 'a.txt', data: 'first' },
      { name: 'b.txt', data: randomBytes(4000), method: 'store' },
    ]);
    const damaged = Buffer.from(bytes);
    const b = damaged.indexOf('b.txt') + 'b.txt'.length; // start of b.txt's data
    damaged[b + 100] = (damaged[b + 100] ?? 0) ^ 0xff;
    const file = path.join(work, 'damaged.zip');
    await writeFile(file, damaged);
    const error = await refusal(safeUnzip(file, dest));
    expect(error.code).toBe('zip_invalid');
    expect(error.details.entry).toBe('b.txt');
    expect(existsSync(dest)).toBe(false);
  });

  it('refuses an entry whose checksum does not match', async () => {
    const zip = await zipFile([{ name: 'a.txt', data: 'hello', badCrc: true }]);
    expect((await refusal(safeUnzip(zip, dest))).code).toBe('zip_invalid');
  });

  it('refuses an entry that appears twice', async () => {
    const zip = await zipFile([
      { name: 'a.txt', data: 'one' },
      { name: 'a.txt', data: 'two' },
    ]);
    const error = await refusal(safeUnzip(zip, dest));
    expect(error.code).toBe('zip_invalid');
    expect(existsSync(dest)).toBe(false);
  });

  const zipTool = (() => {
    try {
      return execFileSync('which', ['zip'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  (zipTool ? it : it.skip)('extracts an archive made by the zip command-line tool', async () => {
    const source = path.join(work, 'src');
    await mkdir(path.join(source, 'layer'), { recursive: true });
    await writeFile(path.join(source, 'layer', 'a.shp'), randomBytes(3000));
    await writeFile(path.join(source, 'layer', 'a.dbf'), 'attributes '.repeat(1000));
    execFileSync(zipTool, ['-q', '-r', path.join(work, 'tool.zip'), 'layer'], { cwd: source });
    const paths = await safeUnzip(path.join(work, 'tool.zip'), dest);
    expect([...paths].sort()).toEqual(['layer/a.dbf', 'layer/a.shp']);
    expect(await readFile(path.join(dest, 'layer/a.dbf'), 'utf8')).toBe('attributes '.repeat(1000));
  });
});

describe('shapefileParts', () => {
  it('groups each .shp with its same-named sidecars, in subfolders and any case', () => {
    const parts = shapefileParts([
      'readme.txt',
      'roads/ROAD.SHP',
      'roads/road.dbf',
      'roads/Road.shx',
      'roads/road.prj',
      'roads/road.cpg',
      'roads/road.shp.xml',
      '生态保护红线.shp',
      '生态保护红线.DBF',
      'other/生态保护红线.prj',
      'lonely.dbf',
    ]);
    expect(parts).toEqual([
      {
        shp: 'roads/ROAD.SHP',
        dbf: 'roads/road.dbf',
        shx: 'roads/Road.shx',
        prj: 'roads/road.prj',
        cpg: 'roads/road.cpg',
      },
      { shp: '生态保护红线.shp', dbf: '生态保护红线.DBF' },
    ]);
  });

  it('ignores __MACOSX and dot-files', () => {
    const parts = shapefileParts([
      '__MACOSX/roads/._road.shp',
      '__MACOSX/roads/road.shp',
      'roads/._road.shp',
      '.hidden/x.shp',
      'roads/road.shp',
      'roads/road.dbf',
    ]);
    expect(parts).toEqual([{ shp: 'roads/road.shp', dbf: 'roads/road.dbf' }]);
  });
});
