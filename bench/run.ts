// `npm run bench [-- import|ows|candidates|compliance|conflicts|load]`: runs the benchmarks on a database of
// their own and prints one row per case with our figure, the peer's on the same data (or the target), and the
// ratio ours/peer.
import { Pool } from 'pg';
import { migrate } from '../sql';
import { candidateCases } from './candidate-cases';
import { wholeCityConflicts } from './conflict-cases';
import { benchWorkDir, geotiffImport, shapefileImport, type BenchRow } from './import-cases';
import { complianceCases } from './compliance-cases';
import { loadCases } from './load-cases';
import { owsCases } from './ows-cases';

const CASES: Record<string, ((pool: Pool, url: string, work: string) => Promise<BenchRow | BenchRow[]>)[]> = {
  import: [shapefileImport, geotiffImport],
  ows: owsCases,
  candidates: candidateCases,
  compliance: complianceCases,
  conflicts: [wholeCityConflicts],
  load: [loadCases],
};

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = process.env.ONE_BLUEPRINT_DATA_DIR;
  if (!databaseUrl || !dataDir) throw new Error('run the benchmarks with `npm run bench`');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const groups = wanted.length > 0 ? wanted : Object.keys(CASES);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await migrate(pool);
    const work = benchWorkDir(dataDir);
    const rows: BenchRow[] = [];
    for (const group of groups) {
      const cases = CASES[group];
      if (!cases) throw new Error(`unknown benchmark group "${group}": use ${Object.keys(CASES).join(', ')}`);
      for (const run of cases) {
        for (const row of [await run(pool, databaseUrl, work)].flat()) {
          rows.push(row);
          console.log(
            `${row.name}\n  ours: ${row.ours}\n  peer: ${row.peer}\n  ratio ours/peer: ${row.ratio.toFixed(2)}\n  ${row.note}`,
          );
        }
      }
    }
    console.log('\ncase | ours | peer | ours/peer');
    for (const r of rows) console.log(`${r.name} | ${r.ours} | ${r.peer} | ${r.ratio.toFixed(2)}`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
