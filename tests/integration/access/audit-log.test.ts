// The audit log: sign-ins (also failed ones, with the address), changes with the object before and after,
// reads of layers that are not public, exports and key uses, as the admin reads them and downloads them as
// CSV; the application cannot edit or remove a row, and a row edited behind its back (by a superuser with
// the triggers off) breaks the hash chain that verifyAuditChain and `npm run audit -- verify` walk.
import path from 'node:path';
import { appendAudit, verifyAuditChain } from '../../../accounts';
import { importFile } from '../../../importers';
import { migrate } from '../../../sql';
import { createTestUser, issueTestKey, requestJson, signIn, type SignedIn } from '../../support/access';
import { postCheck, square } from '../../support/compliance-checks';
import { ROOT } from '../../support/environment';
import { freshLayer, sourceParcels, workDir, writeJson } from '../../support/import-fixtures';
import { runCommand } from '../../support/run-command';
import { createScratchDatabase } from '../../support/scratch-database';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
let admin: SignedIn;
beforeAll(async () => {
  admin = await signIn(server.url, 'admin');
});

interface Entry {
  seq: number;
  action: string;
  username: string | null;
  apiKeyId: number | null;
  targetType: string | null;
  targetId: string | null;
  clientIp: string | null;
  details: Record<string, unknown>;
}

/** The entries matching the filters, waiting briefly (until `ready`) for those written as a response finished. */
async function entries(
  filters: Record<string, string>,
  ready: (found: Entry[]) => boolean = (found) => found.length > 0,
): Promise<Entry[]> {
  const query = new URLSearchParams(filters).toString();
  for (let i = 0; ; i++) {
    const res = await requestJson(`${server.url}/api/v1/audit?${query}`, { headers: admin.headers() });
    expect(res.status).toBe(200);
    const found = res.body.entries as Entry[];
    if (ready(found) || i >= 60) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('what is recorded', () => {
  it('records a sign-in and a failed sign-in with the name and the address', async () => {
    const user = await createTestUser(server.pool, { prefix: 'audited' });
    const failed = await requestJson(`${server.url}/api/v1/session`, {
      method: 'POST',
      body: { username: user.username, password: 'wrong-password-1' },
    });
    expect(failed.status).toBe(401);
    await signIn(server.url, user.username, user.password);
    const [failure] = await entries({ username: user.username, action: 'login_failed' });
    expect(failure).toMatchObject({
      action: 'login_failed',
      username: user.username,
      clientIp: '127.0.0.1',
      targetType: 'session',
      details: { reason: 'bad_credentials' },
    });
    expect(JSON.stringify(failure)).not.toContain('wrong-password-1');
    const [login] = await entries({ username: user.username, action: 'login' });
    expect(login).toMatchObject({ username: user.username, clientIp: '127.0.0.1', targetType: 'session' });
  });

  it('records a change with the object before and after, and the request without secrets', async () => {
    const layer = await freshLayer(server.pool, { prefix: 'audit_change' });
    const planner = await signIn(server.url, 'planner');
    const res = await requestJson(`${server.url}/api/v1/layers/${layer}`, {
      method: 'PATCH',
      headers: planner.headers(),
      body: { name: '审计后的名称' },
    });
    expect(res.status).toBe(200);
    const [change] = await entries({ targetType: 'layer', targetId: layer, action: 'update' });
    expect(change).toMatchObject({
      username: 'planner',
      details: {
        method: 'PATCH',
        path: `/api/v1/layers/${layer}`,
        before: { code: layer, name: `导入测试图层 ${layer}` },
        after: { code: layer, name: '审计后的名称' },
        request: { name: '审计后的名称' },
      },
    });
  });

  it('records a compliance check by its run, not a copy of the sealed run', async () => {
    const reviewer = await signIn(server.url, 'reviewer');
    const site = square(87.4432, 43.8046, 60);
    const { status, body: run } = await postCheck(server.url, reviewer, { geometry: site });
    expect(status).toBe(201);
    const [entry] = await entries({ targetType: 'compliance_check', targetId: run.id, action: 'create' });
    expect(entry).toMatchObject({
      username: 'reviewer',
      details: {
        method: 'POST',
        path: '/api/v1/compliance/checks',
        after: {
          id: run.id,
          verdict: run.verdict,
          projectCode: null,
          siteAreaM2: run.siteAreaM2,
          verificationCode: run.verificationCode,
        },
        request: { geometry: site },
      },
    });
    expect(Object.keys(entry!.details.after as object)).toHaveLength(5);
  });

  it('masks passwords in a recorded change', async () => {
    const user = await createTestUser(server.pool, { prefix: 'audit_pw' });
    const res = await requestJson(`${server.url}/api/v1/users/${user.id}/password`, {
      method: 'PUT',
      headers: admin.headers(),
      body: { password: 'Reset-password-123' },
    });
    expect(res.status).toBe(200);
    const [reset] = await entries({ targetType: 'user', targetId: String(user.id) });
    expect(reset?.details.request).toEqual({ password: '***' });
    expect(JSON.stringify(reset)).not.toContain('Reset-password-123');
  });

  it('records a read of a layer that is not public, an export and a key use', async () => {
    const layer = await freshLayer(server.pool, { prefix: 'audit_read' });
    const dir = workDir('audit-');
    await importFile(server.pool, {
      layer,
      file: writeJson(dir, 'v1.geojson', sourceParcels(2)),
      rasterDir: path.join(dir, 'r'),
    });
    const user = await createTestUser(server.pool, { prefix: 'reader', roles: ['viewer'] });
    const reader = await signIn(server.url, user.username, user.password);
    expect(
      (await fetch(`${server.url}/api/v1/layers/${layer}/features`, { headers: reader.headers() })).status,
    ).toBe(200);
    const report = await fetch(`${server.url}/api/v1/layers/${layer}/versions/1/report?format=csv`, {
      headers: reader.headers(),
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');

    const [read] = await entries({ username: user.username, action: 'read' });
    expect(read).toMatchObject({ targetType: 'layer', targetId: layer });
    const [exported] = await entries({ username: user.username, action: 'export' });
    expect(exported).toMatchObject({
      targetId: layer,
      details: { path: `/api/v1/layers/${layer}/versions/1/report`, format: 'csv' },
    });

    const key = await issueTestKey(server.pool, { name: `audit key ${layer}` });
    const { rows } = await server.pool.query<{ id: number }>('SELECT id FROM api_keys WHERE name = $1', [
      `audit key ${layer}`,
    ]);
    expect(
      (
        await fetch(
          `${server.url}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=ob:${layer}&COUNT=1&apikey=${key}`,
        )
      ).status,
    ).toBe(200);
    const keyId = rows[0]!.id;
    const byKey = (found: Entry[]) => found.some((e) => e.apiKeyId === keyId);
    const keyUses = await entries({ action: 'key_use', limit: '500' }, byKey);
    expect(keyUses.filter((e) => e.apiKeyId === keyId)).toEqual([
      expect.objectContaining({ targetType: 'service', targetId: 'WFS' }),
    ]);
    const keyReads = await entries({ action: 'read', targetId: layer }, byKey);
    expect(keyReads.find((e) => e.apiKeyId === keyId)).toMatchObject({ targetType: 'layer' });
  });

  it('downloads the log as CSV with a BOM, a header and the filtered rows', async () => {
    const user = await createTestUser(server.pool, { prefix: 'csv' });
    await signIn(server.url, user.username, user.password);
    await entries({ username: user.username, action: 'login' });
    const res = await fetch(`${server.url}/api/v1/audit?format=csv&username=${user.username}`, {
      headers: admin.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('audit-log.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^序号 seq,时间 at,操作 action,用户 username/);
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain(`,login,${user.username},`);
    expect(lines[1]).toContain('127.0.0.1');
  });

  it('refuses the log to a user without audit.read', async () => {
    const planner = await signIn(server.url, 'planner');
    const res = await requestJson(`${server.url}/api/v1/audit`, { headers: planner.headers() });
    expect(res.status).toBe(403);
    expect(res.body.error.details.permission).toBe('audit.read');
  });
});

describe('append-only and hash-chained', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of audit_log to the application’s connection', async () => {
    await expect(server.pool.query(`UPDATE audit_log SET username = 'mallory'`)).rejects.toThrow();
    await expect(server.pool.query('DELETE FROM audit_log')).rejects.toThrow();
    await expect(server.pool.query('TRUNCATE audit_log')).rejects.toThrow();
    const { rows } = await server.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE username = 'mallory'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('finds the chain of the test database intact', async () => {
    expect((await verifyAuditChain(server.pool)).broken).toBeNull();
    const res = await requestJson(`${server.url}/api/v1/audit/verify`, { headers: admin.headers() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ intact: true, broken: null });
  });

  it('detects a row edited or removed behind the application’s back, also by `npm run audit -- verify`', async () => {
    const scratch = await createScratchDatabase('audit');
    try {
      await migrate(scratch.pool);
      for (const action of ['login', 'read', 'logout'] as const) {
        await appendAudit(scratch.pool, {
          action,
          username: 'someone',
          targetType: 'session',
          details: { n: 1 },
        });
      }
      expect(await verifyAuditChain(scratch.pool)).toEqual({ rows: 3, broken: null });
      const verify = () =>
        runCommand(
          [path.join(ROOT, 'scripts/bootstrap.mjs'), 'audit', 'verify'],
          { DATABASE_URL: scratch.url },
          ROOT,
        );
      const intact = await verify();
      expect(intact.code).toBe(0);
      expect(intact.stdout).toContain('the audit log is intact: 3 rows');

      await scratch.pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await scratch.pool.query(`UPDATE audit_log SET username = 'someone else' WHERE seq = 2`);
      await scratch.pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      expect(await verifyAuditChain(scratch.pool)).toEqual({
        rows: 3,
        broken: { seq: 2, reason: 'its content was changed' },
      });
      const tampered = await verify();
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toContain('the audit log was tampered with: row 2');

      await scratch.pool.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await scratch.pool.query(`UPDATE audit_log SET username = 'someone' WHERE seq = 2`);
      await scratch.pool.query('DELETE FROM audit_log WHERE seq = 1');
      await scratch.pool.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
      expect((await verifyAuditChain(scratch.pool)).broken).toEqual({ seq: 2, reason: 'row 1 is missing' });
    } finally {
      await scratch.drop();
    }
  }, 120_000);
});
