// The whole tree type-checks under strict TypeScript and passes ESLint, including the module
// boundaries of DESIGN.md (sql <- layers <- importers, compliance-rules <- spatial-api; map-client over HTTP only).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/environment';

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

it('type-checks', () => {
  const result = spawnSync(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 240_000);

it('lints, module boundaries included', () => {
  const result = spawnSync(bin('eslint'), ['--max-warnings', '0', '.'], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 240_000);

it('refuses an import across a forbidden module boundary', () => {
  const result = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', 'sql/forbidden.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: "import { listLayers } from '../layers';\nexport const x = listLayers;\n",
  });
  expect(result.status).not.toBe(0);
  expect(result.stdout).toMatch(/sql\/ may import only no other project folder/);
}, 60_000);

it('is formatted with Prettier', () => {
  const result = spawnSync(bin('prettier'), ['--check', '--log-level', 'warn', '.'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
