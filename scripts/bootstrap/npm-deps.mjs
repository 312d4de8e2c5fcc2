// @ts-check
// Installs npm dependencies when node_modules is missing or older than package-lock.json.
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
  say('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, show: true, what: 'npm ci' });
  writeFileSync(stamp, hash);
}
