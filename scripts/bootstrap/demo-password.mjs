// @ts-check
// The demo users' password of the embedded default: DEMO_PASSWORD when set; else the one kept in
// .data/demo-users.txt (mode 0600), made and printed at the first start. None in production.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { say } from './fail.mjs';

const USERS = ['admin', 'planner', 'reviewer', 'dept_reviewer', 'clerk', 'viewer', 'planner_tianshan'];

/** @param {string} dataDir @returns {string | undefined} */
export function demoPassword(dataDir) {
  if (process.env.NODE_ENV === 'production') return undefined;
  if (process.env.DEMO_PASSWORD) return process.env.DEMO_PASSWORD;
  const file = path.join(dataDir, 'demo-users.txt');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').match(/^password: (\S+)$/m)?.[1];
    if (kept) return kept;
  }
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    file,
    `# 演示用户 / demo users of the embedded default (not in production)\nusers: ${USERS.join(', ')}\npassword: ${password}\n`,
    { mode: 0o600 },
  );
  say(`demo users ${USERS.join(', ')} have the password ${password} (kept in ${file})`);
  return password;
}
