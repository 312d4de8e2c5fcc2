// `npm run audit -- verify`: walks the audit log's hash chain and says whether any row was removed or
// changed (exit code 1 if so). `npm run audit -- tail [N]` prints the newest rows.
import { queryAudit, verifyAuditChain } from '../accounts';
import { failCleanly } from './fail-cleanly';
import { openDatabase } from './open-database';

async function main(): Promise<number> {
  const [command = 'verify', count] = process.argv.slice(2);
  const { pool } = await openDatabase(1);
  try {
    if (command === 'verify') {
      const report = await verifyAuditChain(pool);
      if (report.broken) {
        console.error(
          `✗ 审计日志已被篡改 / the audit log was tampered with: row ${report.broken.seq} ${report.broken.reason} (${report.rows} rows)`,
        );
        return 1;
      }
      console.log(`✓ 审计日志完整 / the audit log is intact: ${report.rows} rows, chain verified`);
      return 0;
    }
    if (command === 'tail') {
      const { rows } = await queryAudit(pool, { limit: Number(count ?? 20), offset: 0 });
      for (const r of rows.reverse()) {
        console.log(
          `${r.seq}\t${r.at}\t${r.action}\t${r.username ?? r.apiKeyId ?? '-'}\t${r.targetType ?? ''} ${r.targetId ?? ''}`,
        );
      }
      return 0;
    }
    throw new Error('usage: npm run audit -- verify | tail [N]');
  } finally {
    await pool.end();
  }
}

main().then((code) => process.exit(code), failCleanly);
