// @ts-check
// Installs npm dependencies when node_modules is missing or older than package-lock.json. `npm install`
// rather than `npm ci`: npm 11 writes lock files that its own `ci` rejects for missing optional platform packages.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { say } from './fail.mjs';
import { run } from './run.mjs';

/** @param {string} root */
export function ensureNpmDependencies(root) {
  const lock = readFileSync(path.join(root, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = path.join(root, 'node_modules', '.one-blueprint-lock.sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  say('installing npm dependencies (npm install from package-lock.json)');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save'], {
    cwd: root,
    show: true,
    what: 'npm install',
  });
  writeFileSync(stamp, hash);
}
