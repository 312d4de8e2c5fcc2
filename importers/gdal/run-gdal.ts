// Runs a GDAL command-line tool (from Debian's gdal-bin) and returns its standard output. The tool runs in
// the safe GDAL environment with only the drivers its work needs (gdal-environment.ts).
import { execFile } from 'node:child_process';
import { gdalEnvironment } from './gdal-environment';

export class GdalError extends Error {
  override name = 'GdalError';
}

export async function runGdal(tool: string, args: string[], drivers: readonly string[]): Promise<string> {
  const env = await gdalEnvironment(drivers);
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024, env }, (error, stdout, stderr) => {
      if (error) {
        const detail = String(stderr).trim().split('\n').filter(Boolean).pop() ?? error.message;
        reject(new GdalError(`${tool} failed: ${detail}`));
      } else {
        resolve(String(stdout));
      }
    });
  });
}
