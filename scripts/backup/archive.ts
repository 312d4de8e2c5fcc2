// A backup is one uncompressed tar file (Debian's tar; the dump inside is compressed already).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function packFolder(dir: string, file: string): Promise<void> {
  await run('tar', ['--create', '--file', file, '--directory', dir, '.']);
}

/** Unpacks an archive; a file that is not a tar archive gets a clear message. */
export async function unpackArchive(file: string, dir: string): Promise<void> {
  try {
    await run('tar', ['--extract', '--file', file, '--directory', dir, '--no-same-owner']);
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? error)
      .trim()
      .split('\n')[0];
    throw new Error(`无法读取备份文件 / cannot read the backup ${file}: ${detail}`, { cause: error });
  }
}
