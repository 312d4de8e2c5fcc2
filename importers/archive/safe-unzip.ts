// Unpacks an uploaded zip without trusting it: no entry may land outside the target folder, and the bytes
// actually inflated are counted (per entry and for the archive as a whole) so a zip bomb is stopped
// mid-stream. Also groups the Shapefiles inside.
import { createWriteStream } from 'node:fs';
import { mkdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { detectEncoding } from '../encoding/detect-encoding';
import { ImportError } from '../import-error';

export interface UnzipLimits {
  /** entries (files and folders) in the central directory */
  maxEntries: number;
  /** bytes inflated over all entries, counted while streaming */
  maxTotalBytes: number;
  /**
   * inflated / compressed bytes of one entry, and bytes inflated so far / the archive's size, each judged
   * once past RATIO_FLOOR_BYTES (the archive's own ratio stops thousands of entries each under the floor)
   */
  maxRatio: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
};

/** Small files (text, .prj, .cpg) compress far better than 200:1 and are harmless, so ratios start here. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UTF8_NAME_FLAG = 0x800;
const ENCRYPTED_FLAG = 0x1;
const INFO_ZIP_UNICODE_PATH = 0x7075;

/**
 * Extracts `zipPath` into `destDir` (created if missing) and returns the extracted files' paths relative to
 * it, with "/" separators, in archive order. On any refusal everything this call extracted is removed.
 */
export async function safeUnzip(
  zipPath: string,
  destDir: string,
  limits: Partial<UnzipLimits> = {},
): Promise<string[]> {
  const limit: UnzipLimits = { ...DEFAULT_UNZIP_LIMITS, ...limits };
  const zip = path.basename(zipPath);
  const root = path.resolve(destDir);
  const createdDirs: string[] = [];
  const createdFiles: string[] = [];
  const madeRoot = await mkdir(root, { recursive: true });
  if (madeRoot !== undefined) createdDirs.push(madeRoot);
  const realRoot = await realpath(root);

  let zipfile: yauzl.ZipFile | undefined;
  try {
    zipfile = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: true,
      // Names are decoded here (GBK names from Chinese Windows carry no UTF-8 flag) and checked here.
      decodeStrings: false,
      // Header sizes are not trusted: the bytes inflated are counted and checked against them below.
      validateEntrySizes: false,
    });
    if (zipfile.entryCount > limit.maxEntries) {
      throw new ImportError(
        'zip_bomb',
        `压缩包 "${zip}" 含 ${zipfile.entryCount} 个条目，超过上限 ${limit.maxEntries}：请拆分后分别上传 / ` +
          `"${zip}" holds ${zipfile.entryCount} entries, more than the limit of ${limit.maxEntries}: split it and upload the parts`,
        { file: zip, entries: zipfile.entryCount, maxEntries: limit.maxEntries },
      );
    }
    const extracted: string[] = [];
    // the file's size, not the headers' compressed sizes: entries may overlap and share compressed bytes
    const budget = { totalBytes: 0, archiveBytes: (await stat(zipPath)).size };
    for await (const entry of zipfile.eachEntry()) {
      const name = entryName(entry);
      const relative = safeRelativePath(name, zip);
      if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        throw new ImportError(
          'zip_slip',
          `压缩包 "${zip}" 中的条目 "${name}" 是符号链接，出于安全原因不予解压：请打包链接指向的实际文件 / ` +
            `Entry "${name}" in "${zip}" is a symbolic link, which is never extracted: zip the real file it points to instead`,
          { file: zip, entry: name },
        );
      }
      if (relative === '') continue;
      const target = path.join(root, ...relative.split('/'));
      if (/[/\\]$/.test(name)) {
        await makeDir(target, realRoot, createdDirs, zip, name);
        continue;
      }
      checkReadable(entry, zip, name);
      await makeDir(path.dirname(target), realRoot, createdDirs, zip, name);
      await extractEntry(zipfile, entry, target, { zip, name, limit, budget, createdFiles });
      extracted.push(relative);
    }
    return extracted;
  } catch (error) {
    zipfile?.close();
    await removeAll(createdFiles, createdDirs);
    throw asImportError(error, zip);
  }
}

/** The .shp files among `paths`, each with its same-named sidecars (extensions in any case). */
export function shapefileParts(
  paths: string[],
): { shp: string; dbf?: string; shx?: string; prj?: string; cpg?: string }[] {
  const byStem = new Map<string, Partial<Record<'shp' | 'dbf' | 'shx' | 'prj' | 'cpg', string>>>();
  const order: string[] = [];
  for (const p of paths) {
    const segments = p.split('/');
    if (segments.some((s) => s === '__MACOSX' || s.startsWith('.'))) continue;
    const match = /^(.*)\.(shp|dbf|shx|prj|cpg)$/i.exec(p);
    if (!match) continue;
    const [, stemPart = '', extPart = ''] = match;
    // Windows file systems ignore case, so ROAD.SHP and road.dbf belong together.
    const stem = stemPart.toLowerCase();
    const ext = extPart.toLowerCase() as 'shp' | 'dbf' | 'shx' | 'prj' | 'cpg';
    const parts = byStem.get(stem) ?? {};
    if (!byStem.has(stem)) {
      byStem.set(stem, parts);
      order.push(stem);
    }
    parts[ext] ??= p;
  }
  const result: { shp: string; dbf?: string; shx?: string; prj?: string; cpg?: string }[] = [];
  for (const stem of order) {
    const { shp, ...sidecars } = byStem.get(stem) ?? {};
    if (shp !== undefined) result.push({ shp, ...sidecars });
  }
  return result;
}

/**
 * The entry's name as text: UTF-8 when flagged or given in Info-ZIP's Unicode Path field, otherwise UTF-8
 * or GBK (what Chinese Windows writes, unflagged) when the bytes are valid in one of them, else CP437.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  if ((entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0) return new TextDecoder('utf-8').decode(raw);
  for (const field of entry.extraFields) {
    if (field.id !== INFO_ZIP_UNICODE_PATH || field.data.length < 6 || field.data[0] !== 1) continue;
    if (field.data.readUInt32LE(1) === zlib.crc32(raw))
      return new TextDecoder('utf-8').decode(field.data.subarray(5));
  }
  const encoding = detectEncoding(raw);
  if (encoding === 'UTF-8') return new TextDecoder('utf-8').decode(raw);
  if (encoding === 'GBK') return new TextDecoder('gb18030').decode(raw);
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
}

/**
 * The entry's path below the target folder with "/" separators ("" for the folder itself), or zip_slip
 * when it is absolute or climbs out. Backslashes count as separators, as Windows tools write them.
 */
function safeRelativePath(name: string, zip: string): string {
  const slashed = name.replace(/\\/g, '/');
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  const absolute = slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed);
  if (absolute || name.includes('\0') || segments.includes('..')) {
    throw new ImportError(
      'zip_slip',
      `压缩包 "${zip}" 中的条目 "${name}" 指向解压目录之外（绝对路径或含 ".."），已拒绝整个压缩包：` +
        `请重新打包，条目只使用相对路径 / Entry "${name}" in "${zip}" points outside the extraction folder ` +
        `(an absolute path or ".."), so the archive was refused: zip the files again with plain relative paths`,
      { file: zip, entry: name },
    );
  }
  return segments.join('/');
}

function checkReadable(entry: yauzl.Entry, zip: string, name: string): void {
  if ((entry.generalPurposeBitFlag & ENCRYPTED_FLAG) !== 0) {
    throw new ImportError(
      'zip_invalid',
      `压缩包 "${zip}" 中的条目 "${name}" 已加密，无法读取：请去掉密码后重新压缩 / ` +
        `Entry "${name}" in "${zip}" is encrypted: zip the files again without a password`,
      { file: zip, entry: name },
    );
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new ImportError(
      'zip_invalid',
      `压缩包 "${zip}" 中的条目 "${name}" 使用了不支持的压缩方法（${entry.compressionMethod}）：` +
        `请用标准 zip（Deflate）格式重新压缩 / Entry "${name}" in "${zip}" uses compression method ` +
        `${entry.compressionMethod}, which is not supported: zip the files again with standard Deflate`,
      { file: zip, entry: name, compressionMethod: entry.compressionMethod },
    );
  }
}

/** Creates `dir` (and parents) and makes sure it really is inside the target folder, links resolved. */
async function makeDir(dir: string, realRoot: string, createdDirs: string[], zip: string, name: string) {
  const made = await mkdir(dir, { recursive: true });
  if (made !== undefined) createdDirs.push(made);
  if (!isInside(realRoot, await realpath(dir))) {
    throw new ImportError(
      'zip_slip',
      `压缩包 "${zip}" 中的条目 "${name}" 经由链接指向解压目录之外，已拒绝 / ` +
        `Entry "${name}" in "${zip}" leads outside the extraction folder through a link and was refused`,
      { file: zip, entry: name },
    );
  }
}

interface EntryContext {
  zip: string;
  name: string;
  limit: UnzipLimits;
  budget: { totalBytes: number; archiveBytes: number };
  createdFiles: string[];
}

async function extractEntry(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  target: string,
  { zip, name, limit, budget, createdFiles }: EntryContext,
): Promise<void> {
  if (await exists(target)) {
    throw new ImportError(
      'zip_invalid',
      `压缩包 "${zip}" 中的条目 "${name}" 重复出现：请删除重复的文件后重新压缩 / ` +
        `Entry "${name}" appears more than once in "${zip}": remove the duplicate and zip the files again`,
      { file: zip, entry: name },
    );
  }
  createdFiles.push(target);
  const compressedBytes = entry.compressedSize;
  let inflatedBytes = 0;
  let crc = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      inflatedBytes += chunk.length;
      budget.totalBytes += chunk.length;
      crc = zlib.crc32(chunk, crc);
      if (budget.totalBytes > limit.maxTotalBytes) {
        done(
          new ImportError(
            'zip_bomb',
            `压缩包 "${zip}" 解压到条目 "${name}" 时总大小已超过上限 ${formatBytes(limit.maxTotalBytes)}，已停止解压：` +
              `请拆分后分别上传 / Unpacking "${zip}" passed the limit of ${formatBytes(limit.maxTotalBytes)} ` +
              `in total at entry "${name}" and was stopped: split the archive and upload the parts`,
            { file: zip, entry: name, totalBytes: budget.totalBytes, maxTotalBytes: limit.maxTotalBytes },
          ),
        );
        return;
      }
      const ratio = inflatedBytes / Math.max(compressedBytes, 1);
      if (inflatedBytes > RATIO_FLOOR_BYTES && ratio > limit.maxRatio) {
        done(
          new ImportError(
            'zip_bomb',
            `压缩包 "${zip}" 中的条目 "${name}" 压缩比超过 ${limit.maxRatio}:1（${formatBytes(compressedBytes)} ` +
              `已解压出 ${formatBytes(inflatedBytes)}），疑似压缩炸弹，已停止解压：请确认文件来源 / ` +
              `Entry "${name}" in "${zip}" expands more than ${limit.maxRatio}:1 (${formatBytes(inflatedBytes)} ` +
              `from ${formatBytes(compressedBytes)} so far), like a zip bomb, and was stopped: check where the file came from`,
            { file: zip, entry: name, inflatedBytes, compressedBytes, maxRatio: limit.maxRatio },
          ),
        );
        return;
      }
      const archiveRatio = budget.totalBytes / Math.max(budget.archiveBytes, 1);
      if (budget.totalBytes > RATIO_FLOOR_BYTES && archiveRatio > limit.maxRatio) {
        done(
          new ImportError(
            'zip_bomb',
            `压缩包 "${zip}" 整体压缩比超过 ${limit.maxRatio}:1（${formatBytes(budget.archiveBytes)} 的压缩包` +
              `解压到条目 "${name}" 时已解压出 ${formatBytes(budget.totalBytes)}），疑似压缩炸弹，已停止解压：请确认文件来源 / ` +
              `"${zip}" as a whole expands more than ${limit.maxRatio}:1 (${formatBytes(budget.totalBytes)} from ` +
              `${formatBytes(budget.archiveBytes)} by entry "${name}"), like a zip bomb, and was stopped: check where the file came from`,
            {
              file: zip,
              entry: name,
              totalBytes: budget.totalBytes,
              archiveBytes: budget.archiveBytes,
              maxRatio: limit.maxRatio,
            },
          ),
        );
        return;
      }
      done(null, chunk);
    },
    flush(done: TransformCallback) {
      if (inflatedBytes !== entry.uncompressedSize || crc !== entry.crc32) {
        done(
          new ImportError(
            'zip_invalid',
            `压缩包 "${zip}" 中的条目 "${name}" 已损坏（大小或校验和与目录不符）：请重新压缩后上传 / ` +
              `Entry "${name}" in "${zip}" is damaged (its size or checksum does not match the directory): ` +
              `zip the files again and upload them`,
            { file: zip, entry: name, inflatedBytes, declaredBytes: entry.uncompressedSize },
          ),
        );
        return;
      }
      done();
    },
  });
  const source = await zipfile.openReadStreamPromise(entry);
  await pipeline(source, meter, createWriteStream(target, { flags: 'wx' }));
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function removeAll(files: string[], dirs: string[]): Promise<void> {
  for (const file of files) await rm(file, { force: true });
  for (const dir of [...dirs].reverse()) await rm(dir, { recursive: true, force: true });
}

/** Our refusals pass through; file-system failures are ours, not the upload's; the rest means a bad zip. */
function asImportError(error: unknown, zip: string): unknown {
  if (error instanceof ImportError) return error;
  if (error instanceof Error && 'syscall' in error) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ImportError(
    'zip_invalid',
    `文件 "${zip}" 不是有效的 zip 压缩包或已损坏（${reason}）：请重新压缩后上传 / ` +
      `"${zip}" is not a valid zip archive or is damaged (${reason}): zip the files again and upload them`,
    { file: zip, reason },
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
