// Runs a GDAL command-line tool (from Debian's gdal-bin) and returns its standard output.
import { execFile } from 'node:child_process';

export class GdalError extends Error {
  override name = 'GdalError';
}

export function runGdal(tool: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const detail = String(stderr).trim().split('\n').filter(Boolean).pop() ?? error.message;
        reject(new GdalError(`${tool} failed: ${detail}`));
      } else {
        resolve(String(stdout));
      }
    });
  });
}
