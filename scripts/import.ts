// `npm run import -- FILE --layer CODE [--srs EPSG:N] [--encoding GBK] [--source-layer NAME] [--note TEXT]`:
// imports a file into a layer as a new version, with a progress bar, and prints the validation report's
// summary; the full report is written next to the results in .data/reports.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportRejected, importFile, type ValidationReport } from '../importers';
import { failCleanly } from './fail-cleanly';
import { openDatabase } from './open-database';
import { progressBar } from './progress-bar';

function summary(report: ValidationReport): string {
  const c = report.counts;
  return `读取${c.read}，入库${c.loaded}，修复${c.repaired}，拒绝${c.rejected}，警告${c.warnings} / read ${c.read}, loaded ${c.loaded}, repaired ${c.repaired}, rejected ${c.rejected}, warnings ${c.warnings}`;
}

async function saveReport(dataDir: string, layer: string, report: ValidationReport): Promise<string> {
  const dir = path.join(dataDir, 'reports');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${layer}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(report, null, 2));
  return file;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      layer: { type: 'string' },
      srs: { type: 'string' },
      encoding: { type: 'string' },
      'source-layer': { type: 'string' },
      note: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || !values.layer)
    throw new Error(
      'usage: npm run import -- FILE --layer CODE [--srs EPSG:N] [--encoding UTF-8|GBK] [--source-layer NAME] [--note TEXT]',
    );
  if (values.encoding && values.encoding !== 'UTF-8' && values.encoding !== 'GBK')
    throw new Error('--encoding must be UTF-8 or GBK');
  const { config, pool } = await openDatabase();
  const started = Date.now();
  try {
    const bar = progressBar();
    try {
      const result = await importFile(pool, {
        layer: values.layer,
        file: path.resolve(process.env.INIT_CWD ?? process.cwd(), file),
        fileName: path.basename(file),
        rasterDir: config.rasterDir,
        ...(values.srs ? { srs: values.srs } : {}),
        ...(values.encoding ? { encoding: values.encoding as 'UTF-8' | 'GBK' } : {}),
        ...(values['source-layer'] ? { sourceLayer: values['source-layer'] } : {}),
        ...(values.note ? { note: values.note } : {}),
        onProgress: (phase, done, total) => bar(phase, done, total ?? Math.max(done, 1)),
      });
      const reportFile = await saveReport(config.dataDir, values.layer, result.report);
      console.log(
        `» 已导入 ${values.layer} 第${result.versionNo}版 / imported as version ${result.versionNo} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      console.log(
        `» 坐标系 / CRS: ${result.report.source.crs?.code} (${result.report.source.crs?.how}) ${result.report.source.crs?.note ?? ''}`,
      );
      console.log(`» ${summary(result.report)}`);
      console.log(`» 检查报告 / report: ${reportFile}`);
    } catch (error) {
      if (error instanceof ImportRejected) {
        const reportFile = await saveReport(config.dataDir, values.layer, error.report);
        for (const issue of error.report.issues.filter((i) => i.severity === 'error').slice(0, 10)) {
          process.stderr.write(
            `  第${issue.feature}个要素${issue.key ? `（${issue.key}）` : ''}：${issue.message}\n`,
          );
        }
        process.stderr.write(`  检查报告 / report: ${reportFile}\n`);
      }
      throw error;
    }
  } finally {
    await pool.end();
  }
}

main().catch(failCleanly);
