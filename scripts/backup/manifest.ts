// A backup's manifest.json: what it holds (the database dump and raster files, each with its size and
// sha256), the row count of every table, the migration level and when it was taken. A restore checks
// every file against it before touching anything.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST = 'manifest.json';
export const DUMP = 'database.dump';
export const RASTERS = 'rasters';

export interface FileEntry {
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: 'one-blueprint-backup';
  version: 1;
  createdAt: string;
  database: string;
  migration: string | null;
  rowCounts: Record<string, number>;
  files: Record<string, FileEntry>;
}

/** A backup that fails its own checks: nothing is restored from it. */
export class BackupDamaged extends Error {
  override name = 'BackupDamaged';
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Files under dir as forward-slash relative paths, the manifest itself left out. */
async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...(await listFiles(dir, relative)));
    else if (relative !== MANIFEST) files.push(relative);
  }
  return files.sort();
}

export async function writeManifest(
  dir: string,
  facts: Omit<BackupManifest, 'format' | 'version' | 'files'>,
): Promise<BackupManifest> {
  const files: Record<string, FileEntry> = {};
  for (const file of await listFiles(dir)) {
    const full = path.join(dir, file);
    files[file] = { bytes: (await stat(full)).size, sha256: await sha256(full) };
  }
  const manifest: BackupManifest = { format: 'one-blueprint-backup', version: 1, ...facts, files };
  await writeFile(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest of an unpacked backup and checks every file against it, and that none is extra. */
export async function verifiedManifest(dir: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupDamaged(`备份中没有可读的 ${MANIFEST} / the backup has no readable ${MANIFEST}`);
  }
  if (
    manifest.format !== 'one-blueprint-backup' ||
    typeof manifest.files !== 'object' ||
    !manifest.files[DUMP]
  )
    throw new BackupDamaged(
      `${MANIFEST} 不是一张蓝图的备份清单 / ${MANIFEST} is not a One Blueprint backup manifest`,
    );
  const present = await listFiles(dir);
  const listed = Object.keys(manifest.files).sort();
  const missing = listed.filter((f) => !present.includes(f));
  const extra = present.filter((f) => !listed.includes(f));
  if (missing.length > 0 || extra.length > 0)
    throw new BackupDamaged(
      `备份文件与清单不符 / the backup does not match its manifest: ${[...missing.map((f) => `missing ${f}`), ...extra.map((f) => `unlisted ${f}`)].join(', ')}`,
    );
  for (const [file, expected] of Object.entries(manifest.files)) {
    const full = path.join(dir, file);
    if ((await stat(full)).size !== expected.bytes || (await sha256(full)) !== expected.sha256)
      throw new BackupDamaged(
        `备份已损坏：${file} 的校验和不符 / the backup is damaged: ${file} does not match its checksum`,
      );
  }
  return manifest;
}
