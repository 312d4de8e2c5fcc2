// @ts-check
// Builds map-client into map-client/dist with esbuild, skipping the build when nothing changed.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

/** @param {string} root */
function sourceHash(root) {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(root, 'map-client/src')),
    path.join(root, 'map-client/index.html'),
    path.join(root, 'package-lock.json'),
  ]) {
    hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** @param {string} root */
export async function buildClientIfStale(root) {
  const dist = path.join(root, 'map-client/dist');
  const stamp = path.join(dist, '.source.sha256');
  const hash = sourceHash(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  process.stdout.write('» building the map client\n');
  const esbuild = await import('esbuild');
  mkdirSync(dist, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(root, 'map-client/src/main.tsx')],
    bundle: true,
    outdir: path.join(dist, 'assets'),
    entryNames: 'app',
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    target: 'es2022',
    loader: { '.css': 'css' },
    logLevel: 'warning',
  });
  copyFileSync(path.join(root, 'map-client/index.html'), path.join(dist, 'index.html'));
  writeFileSync(stamp, hash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  await buildClientIfStale(root);
}
