// A boundary-coordinate text (国土TXT) import accounts for every parcel as the other formats do for their
// features: a parcel whose ring is broken is one rejected feature, numbered by its place in the file, with
// its reason; every broken parcel of the file is in the one report and nothing is written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { ImportError, importFile, ImportRejected, type ValidationReport } from '../../../importers';
import { testDatabaseUrl } from '../../support/environment';
import { freshLayer, versionCount, workDir } from '../../support/import-fixtures';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
afterAll(() => pool.end());

const dir = workDir('boundary-accounting-');
const rasterDir = path.join(dir, 'rasters');

const HEADER = [
  '[属性描述]',
  '格式版本号=1.01版本',
  '坐标系=2000国家大地坐标系',
  '几度分带=3',
  '投影类型=高斯克吕格',
  '计量单位=米',
  '带号=29',
  '[地块坐标]',
];

// parcel 1 a good 100 m square; parcel 2 a ring that does not close; parcel 3 a coordinate that is no number
const THREE_PARCELS = [
  ...HEADER,
  '5,1.0000,2024-001,仓储物流中心一期,面,,仓储用地,11,@',
  'J1,1,4850600.000,29547500.000',
  'J2,1,4850600.000,29547600.000',
  'J3,1,4850500.000,29547600.000',
  'J4,1,4850500.000,29547500.000',
  'J1,1,4850600.000,29547500.000',
  '5,1.0000,2024-002,配套道路,面,@',
  'J1,1,4850600.000,29547700.000',
  'J2,1,4850600.000,29547800.000',
  'J3,1,4850500.000,29547800.000',
  'J4,1,4850500.000,29547700.000',
  'J5,1,4850550.000,29547700.000',
  '5,1.0000,2024-003,绿地,面,@',
  'J1,1,4850400.000,29547500.000',
  'J2,1,4850400.000,29547600.000',
  'J3,1,4850300.000,2954760O.000',
  'J4,1,4850300.000,29547500.000',
  'J1,1,4850400.000,29547500.000',
];

async function importText(lines: string[], name: string): Promise<{ layer: string; error: unknown }> {
  const layer = await freshLayer(pool, {
    prefix: 'boundary_accounting',
    attributeSchema: [{ name: 'parcel_no', label: '地块编号', type: 'string', required: true, key: true }],
  });
  const file = path.join(dir, name);
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  const error = await importFile(pool, { layer, file, fileName: name, rasterDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { layer, error };
}

const errors = (report: ValidationReport) =>
  report.issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({ feature: i.feature, key: i.key, code: i.code, details: i.details }));

describe('importing boundary-coordinate text accounts for every parcel', () => {
  it('refuses a file with one good and two broken parcels, reporting both with their numbers and reasons', async () => {
    const { layer, error } = await importText(THREE_PARCELS, 'three-parcels.txt');
    expect(error).toBeInstanceOf(ImportRejected);
    expect(await versionCount(pool, layer)).toBe(0);
    const report = (error as ImportRejected).report;
    expect(report.counts).toMatchObject({ read: 3, loaded: 1, rejected: 2 });
    expect(errors(report)).toEqual([
      {
        feature: 2,
        key: '2024-002',
        code: 'unclosed_ring',
        details: expect.objectContaining({ line: 20, parcelNo: '2024-002' }),
      },
      {
        feature: 3,
        key: '2024-003',
        code: 'invalid_coordinate',
        details: expect.objectContaining({ line: 24, parcelNo: '2024-003' }),
      },
    ]);
    const [unclosed, notNumber] = report.issues.filter((i) => i.severity === 'error');
    expect(unclosed?.message).toMatch(
      /^第 20 行（地块 2024-002）：第 1 圈没有闭合.* \/ line 20 \(parcel 2024-002\)/,
    );
    expect(notNumber?.message).toContain('2954760O.000');
  });

  it('still refuses the whole file for a header problem, before any parcel is read', async () => {
    const noCrs = THREE_PARCELS.filter((line) => !line.startsWith('坐标系='));
    const { layer, error } = await importText(noCrs, 'no-crs.txt');
    expect(error).toBeInstanceOf(ImportError);
    expect(error).not.toBeInstanceOf(ImportRejected);
    expect(error).toMatchObject({ code: 'unknown_crs' });
    expect(await versionCount(pool, layer)).toBe(0);
  });

  it('still refuses a file without a [地块坐标] section', async () => {
    const { error } = await importText(HEADER.slice(0, -1), 'no-parcels.txt');
    expect(error).toMatchObject({ code: 'empty_file' });
    expect(error).not.toBeInstanceOf(ImportRejected);
  });
});
