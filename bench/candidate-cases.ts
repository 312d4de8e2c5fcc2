// Candidate-site benchmarks: the search for a 10-hectare industrial site city-wide and for housing in one
// district, on the sample city at `--scale 100` (about 500,000 plan parcels of some 500 m², so every
// candidate is a union of many adjacent parcels), against the target of the issue (median under 2 s).
import path from 'node:path';
import { Pool } from 'pg';
import { ensureSampleRuleSet, findCandidates, type CandidateRequest } from '../compliance-rules';
import { SESSION_OPTIONS } from '../spatial-api';
import type { BenchRow } from './import-cases';
import { ensureCity } from './ows-setup';
import { formatTiming, summarise } from './timing';

const TARGET_MS = 2000;
const RUNS = 15;
const WARM_UP = 2;

type Search = Omit<CandidateRequest, 'scopeDistricts'>;

function candidateCase(name: string, search: Search) {
  return async (pool: Pool, databaseUrl: string, work: string): Promise<BenchRow> => {
    const features = await ensureCity(pool, databaseUrl, path.dirname(work));
    await ensureSampleRuleSet(pool);
    // the server's session settings (no JIT, no parallel workers), as every request of the app has them
    const appPool = new Pool({ connectionString: databaseUrl, max: 2, options: SESSION_OPTIONS });
    const samples: number[] = [];
    let found = '';
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const started = process.hrtime.bigint();
      const result = await findCandidates(appPool, { ...search, scopeDistricts: null });
      if (i >= WARM_UP) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      const parcels = result.candidates.map((c) => c.parcelIds.length);
      found = `${result.candidates.length} candidates of ${Math.min(...parcels)}–${Math.max(...parcels)} parcels`;
    }
    await appPool.end();
    const timing = summarise(samples);
    return {
      name,
      ours: formatTiming(timing),
      peer: `target < ${TARGET_MS} ms`,
      ratio: timing.medianMs / TARGET_MS,
      note: `${features} plan parcels; ${found}; ${RUNS} runs after ${WARM_UP} warm-up`,
    };
  };
}

export const candidateCases = [
  candidateCase('candidates: 10 ha 工业项目, whole city', { areaHa: 10, projectType: '工业项目', limit: 10 }),
  candidateCase('candidates: 10 ha 房屋建筑工程, district 650102', {
    areaHa: 10,
    projectType: '房屋建筑工程',
    districtCode: '650102',
    limit: 10,
  }),
  candidateCase('candidates: 2 ha 市政基础设施工程, whole city', {
    areaHa: 2,
    projectType: '市政基础设施工程',
    limit: 10,
  }),
];
