// @ts-check
// Runs a child program, quietly or with its output shown, and reports failures as BootstrapErrors.
import { spawnSync } from 'node:child_process';
import { BootstrapError } from './fail.mjs';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ show?: boolean, env?: NodeJS.ProcessEnv, cwd?: string, input?: string, what?: string }} [options]
 * @returns {string} standard output (empty when shown)
 */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    input: options.input,
    stdio: options.show ? ['ignore', 'inherit', 'inherit'] : ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.error) {
    throw new BootstrapError(`${options.what ?? command} could not start: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const detail =
      (result.stderr ?? '').trim().split('\n').filter(Boolean).pop() ?? `exit code ${result.status}`;
    throw new BootstrapError(`${options.what ?? `${command} ${args.join(' ')}`} failed: ${detail}`);
  }
  return result.stdout ?? '';
}

/** @param {string} command @param {string[]} args @param {{ env?: NodeJS.ProcessEnv }} [options] */
export function succeeds(command, args, options = {}) {
  const result = spawnSync(command, args, { env: options.env ?? process.env, stdio: 'ignore' });
  return result.status === 0;
}
