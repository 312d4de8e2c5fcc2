// `npm run seed -- [--scale N] [--seed S]`: generates the sample city and loads it as new versions of
// its layers (organisation and projects only where missing), then recomputes the planning conflicts from
// the new versions. --scale 100 gives 500,000+ parcels.
import { parseArgs } from 'node:util';
import { computePlanningConflicts, SAMPLE_CONFLICT_PAIRS } from '../compliance-rules';
import { DEFAULT_SEED, generateSampleCity, loadSampleCity } from '../importers';
import { fillProjectInitials } from '../projects';
import { failCleanly } from './fail-cleanly';
import { openDatabase } from './open-database';
import { progressBar } from './progress-bar';

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${raw}".`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string' }, seed: { type: 'string' } } });
  const scale = wholeNumber('scale', values.scale, 1, 1000);
  const seed = wholeNumber('seed', values.seed, DEFAULT_SEED, 2 ** 31);
  const { config, pool } = await openDatabase();
  const started = Date.now();
  try {
    const onProgress = progressBar();
    console.log(`» 生成示例城市 / generating the sample city (seed ${seed}, scale ${scale})`);
    const city = generateSampleCity({ seed, scale, onProgress });
    console.log('» 写入数据库 / loading into the database');
    await loadSampleCity(pool, city, { rasterDir: config.rasterDir, onProgress });
    await fillProjectInitials(pool);
    const parcels = city.layers.find((l) => l.definition.code === 'land_use_plan')?.features.length ?? 0;
    console.log('» 计算规划冲突图斑 / computing the planning conflicts');
    const conflicts = await computePlanningConflicts(pool, SAMPLE_CONFLICT_PAIRS, {
      note: `示例城市 seed=${seed} scale=${scale}`,
      onProgress: (phase, done, total) => onProgress(phase, done, total ?? done),
    });
    console.log(
      `» ${conflicts.featureCount} conflicts (version ${conflicts.versionNo}) in ${(conflicts.elapsedMs / 1000).toFixed(1)} s`,
    );
    console.log(
      `» 完成 / done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${parcels} land-use parcels`,
    );
  } finally {
    await pool.end();
  }
}

main().catch(failCleanly);
