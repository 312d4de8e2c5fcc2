// The national boundary-coordinate text (国土TXT 界址点坐标): parsing, CRS to EPSG, declared-area checks,
// a broken parcel's problem and refusals of the whole file with the line at fault, and writing the same
// format back. Fixtures: fixtures/importers/boundary-coordinates.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  boundaryAreaChecks,
  boundaryEpsg,
  parseBoundaryCoordinates,
  readBoundaryCoordinates,
  writeBoundaryCoordinates,
  type BoundaryDatum,
  type BoundaryParcelProblem,
  type BoundaryFile,
} from '../../../importers/formats/boundary-coordinates';
import { ImportError } from '../../../importers/import-error';
import { crsDefinition } from '../../../layers';

const IN = path.join(__dirname, '../../fixtures/importers/boundary-coordinates/in');
const fixture = (name: string) => readFileSync(path.join(IN, name), 'utf8');

function refusal(text: string, fileName = 'parcels.txt'): ImportError {
  try {
    parseBoundaryCoordinates(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

/** The problem of the parcel at `place` (1-based) of a file that is read, and the places of all broken ones. */
function parcelProblem(text: string, place: number): { problem: BoundaryParcelProblem; broken: number[] } {
  const { parcels } = parseBoundaryCoordinates(text, 'parcels.txt');
  const parcel = parcels[place - 1];
  expect(parcel?.problem).toBeDefined();
  expect(parcel?.rings).toEqual([]);
  return {
    problem: parcel?.problem as BoundaryParcelProblem,
    broken: parcels.flatMap((p, i) => (p.problem ? [i + 1] : [])),
  };
}

/** A one-parcel file: a 100 m square whose south-west corner is at (easting, northing). */
function squareFile(attributes: string, easting: number, northing: number): string {
  const corners = [
    [northing + 100, easting],
    [northing + 100, easting + 100],
    [northing, easting + 100],
    [northing, easting],
  ];
  const points = [...corners, corners[0]].map(
    (c, i) => `J${(i % 4) + 1},1,${c?.[0]?.toFixed(3)},${c?.[1]?.toFixed(3)}`,
  );
  return ['[属性描述]', attributes, '[地块坐标]', '5,1.0000,1,试验地块,面,,,,@', ...points].join('\n');
}

const CGCS2000_29 = '坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n计量单位=米\n带号=29';

describe('parseBoundaryCoordinates', () => {
  it('reads the attributes, the CRS and a parcel with a hole', () => {
    const file = parseBoundaryCoordinates(fixture('zone29-with-hole.txt'), 'zone29-with-hole.txt');
    expect(file.attributes).toEqual({
      格式版本号: '1.01版本',
      数据产生单位: '乌鲁木齐市自然资源局',
      数据产生日期: '2024-05-20',
      坐标系: '2000国家大地坐标系',
      几度分带: '3',
      投影类型: '高斯克吕格',
      计量单位: '米',
      带号: '29',
      精度: '0.001',
      转换参数: ',,,,,,',
    });
    expect(file).toMatchObject({ datum: 'CGCS2000', zoneWidth: 3, zone: 29, epsg: 4517 });
    expect(file.parcels).toHaveLength(1);
    const [parcel] = file.parcels;
    expect(parcel).toMatchObject({
      pointCount: 10,
      declaredAreaHa: 3.5,
      parcelNo: '1',
      name: '乌鲁木齐市第九十八中学扩建项目',
      geometryKind: '面',
      sheetNo: 'K45G059083',
      use: '教育用地',
      landClassCode: '0804',
    });
    expect(parcel?.rings.map((r) => r.length)).toEqual([5, 5]);
    // [easting, northing]: Y of the file first, with its zone prefix
    expect(parcel?.rings[0]?.[0]).toEqual([29548012.345, 4851223.678]);
    expect(parcel?.rings[0]?.at(-1)).toEqual(parcel?.rings[0]?.[0]);
    expect(parcel?.rings[1]?.[0]).toEqual([29548062.345, 4851148.678]);
  });

  it('reads several parcels and a header with fewer fields before the @', () => {
    const file = parseBoundaryCoordinates(fixture('two-parcels.txt'));
    expect(file.parcels.map((p) => [p.parcelNo, p.name, p.pointCount, p.declaredAreaHa])).toEqual([
      ['2024-001', '仓储物流中心一期', 5, 1],
      ['2024-002', '配套道路', 6, 0.688],
    ]);
    expect(file.parcels[1]).toMatchObject({ geometryKind: '面', sheetNo: '', use: '', landClassCode: '' });
    expect(file.parcels[1]?.rings).toEqual([
      [
        [29547700, 4850500],
        [29547710, 4850585],
        [29547760, 4850590],
        [29547795, 4850550],
        [29547780, 4850500],
        [29547700, 4850500],
      ],
    ]);
  });

  (hasCommand('iconv') ? it : it.skip)('reads the same file saved in GBK', () => {
    const utf8 = readFileSync(path.join(IN, 'two-parcels.txt'));
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: utf8 });
    expect(gbk.equals(utf8)).toBe(false);
    expect(readBoundaryCoordinates(gbk, 'two-parcels-gbk.txt')).toEqual(
      parseBoundaryCoordinates(utf8.toString('utf8')),
    );
  });

  it('takes the zone and zone width from the eastings when 带号 and 几度分带 are missing', () => {
    const file = parseBoundaryCoordinates(squareFile('坐标系=2000国家大地坐标系', 29_547_500, 4_850_500));
    expect(file).toMatchObject({ zone: 29, zoneWidth: 3, epsg: 4517 });
  });

  it.each<[string, number, number, BoundaryDatum, number]>([
    ['坐标系=80国家大地坐标系\n几度分带=3\n带号=35', 35, 3, 'Xian1980', 2359],
    ['坐标系=西安80\n带号=25', 25, 3, 'Xian1980', 2349],
    ['坐标系=1954北京坐标系\n几度分带=3\n带号=45', 45, 3, 'Beijing1954', 2421],
    ['坐标系=2000国家大地坐标系\n几度分带=6\n带号=15', 15, 6, 'CGCS2000', 4493],
    ['坐标系=西安1980坐标系\n几度分带=6\n带号=23', 23, 6, 'Xian1980', 2337],
    ['坐标系=54北京坐标系\n几度分带=6\n带号=13', 13, 6, 'Beijing1954', 21413],
  ])('resolves %j to EPSG', (attributes, zone, zoneWidth, datum, epsg) => {
    const file = parseBoundaryCoordinates(squareFile(attributes, zone * 1_000_000 + 512_000, 4_850_500));
    expect(file).toMatchObject({ datum, zoneWidth, zone, epsg });
  });

  it('accepts LF line ends, a BOM and blank lines', () => {
    const text =
      '\uFEFF' + fixture('two-parcels.txt').replace(/\r\n/g, '\n').replace('[地块坐标]\n', '[地块坐标]\n\n');
    expect(parseBoundaryCoordinates(text)).toEqual(parseBoundaryCoordinates(fixture('two-parcels.txt')));
  });
});

describe('boundaryEpsg', () => {
  it('numbers the prefixed Gauss-Krüger zones of each datum', () => {
    expect(boundaryEpsg('CGCS2000', 3, 25)).toBe(4513);
    expect(boundaryEpsg('CGCS2000', 3, 29)).toBe(4517);
    expect(boundaryEpsg('CGCS2000', 3, 45)).toBe(4533);
    expect(boundaryEpsg('CGCS2000', 6, 13)).toBe(4491);
    expect(boundaryEpsg('CGCS2000', 6, 23)).toBe(4501);
    expect(boundaryEpsg('Xian1980', 3, 45)).toBe(2369);
    expect(boundaryEpsg('Xian1980', 6, 13)).toBe(2327);
    expect(boundaryEpsg('Beijing1954', 3, 25)).toBe(2401);
    expect(boundaryEpsg('Beijing1954', 6, 23)).toBe(21423);
    expect(boundaryEpsg('CGCS2000', 3, 24)).toBeUndefined();
    expect(boundaryEpsg('CGCS2000', 6, 29)).toBeUndefined();
  });

  it('agrees with the shared CRS definitions wherever they define the zone', () => {
    let checked = 0;
    for (const datum of ['CGCS2000', 'Xian1980', 'Beijing1954'] as const) {
      for (const [width, zones] of [
        [3, [25, 45]],
        [6, [13, 23]],
      ] as const) {
        for (let zone = zones[0]; zone <= zones[1]; zone += 1) {
          const definition = crsDefinition(`EPSG:${boundaryEpsg(datum, width, zone)}`);
          if (!definition) continue;
          const centralMeridian = width === 3 ? zone * 3 : zone * 6 - 3;
          expect(definition.proj4).toContain(`+lon_0=${centralMeridian} `);
          expect(definition.proj4).toContain(`+x_0=${zone * 1_000_000 + 500_000} `);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(21 * 3 + 11); // all 3° zones and the CGCS2000 6° zones
  });
});

describe('boundaryAreaChecks', () => {
  it('finds no difference for a 100 m square declared 1.0000 公顷', () => {
    const [square, pentagon] = boundaryAreaChecks(parseBoundaryCoordinates(fixture('two-parcels.txt')));
    expect(square).toEqual({
      feature: 1,
      parcelNo: '2024-001',
      declaredM2: 10_000,
      computedM2: 10_000,
      differencePct: 0,
    });
    expect(pentagon?.declaredM2).toBe(6_880);
    expect(pentagon?.computedM2).toBeCloseTo(6_875, 6);
    expect(pentagon?.differencePct).toBeCloseTo(((6_875 - 6_880) / 6_880) * 100, 9);
  });

  it('subtracts holes from the outer ring', () => {
    const [check] = boundaryAreaChecks(parseBoundaryCoordinates(fixture('zone29-with-hole.txt')));
    expect(check?.computedM2).toBeCloseTo(40_000 - 5_000, 4);
    expect(check?.declaredM2).toBe(35_000);
    expect(Math.abs(check?.differencePct ?? 1)).toBeLessThan(1e-8);
  });

  it('skips a broken parcel and names the others by their place in the file', () => {
    const text = fixture('two-parcels.txt').replace('J3,1,4850500.000,29547600.000', 'J3,1,4850500.000,');
    expect(boundaryAreaChecks(parseBoundaryCoordinates(text))).toEqual([
      expect.objectContaining({ feature: 2, parcelNo: '2024-002' }),
    ]);
  });

  it('has no difference to report when no area is declared', () => {
    const text = squareFile(CGCS2000_29, 29_547_500, 4_850_500).replace('5,1.0000,', '5,,');
    const [check] = boundaryAreaChecks(parseBoundaryCoordinates(text));
    expect(check).toMatchObject({ declaredM2: null, computedM2: 10_000, differencePct: null });
  });
});

describe('writeBoundaryCoordinates', () => {
  it('writes a file back byte for byte', () => {
    const text = fixture('zone29-with-hole.txt');
    expect(writeBoundaryCoordinates(parseBoundaryCoordinates(text))).toBe(text);
  });

  it.each(['zone29-with-hole.txt', 'two-parcels.txt'])('round-trips %s through write and parse', (name) => {
    const file = parseBoundaryCoordinates(fixture(name));
    expect(parseBoundaryCoordinates(writeBoundaryCoordinates(file))).toEqual(file);
  });

  it('writes CRLF lines, the full header, 4-decimal 公顷, 3-decimal coordinates and closed rings', () => {
    const file: BoundaryFile = {
      attributes: {},
      datum: 'CGCS2000',
      zoneWidth: 3,
      zone: 29,
      epsg: 4517,
      parcels: [
        {
          pointCount: 0,
          declaredAreaHa: 0.12345,
          parcelNo: 'A1',
          name: '地块',
          geometryKind: '面',
          sheetNo: '',
          use: '',
          landClassCode: '',
          rings: [
            [
              [29547500.0004, 4850500],
              [29547510, 4850500],
              [29547510, 4850510],
            ],
          ],
        },
      ],
    };
    const text = writeBoundaryCoordinates(file);
    expect(text.split('\r\n')).toEqual([
      '[属性描述]',
      '坐标系=2000国家大地坐标系',
      '几度分带=3',
      '投影类型=高斯克吕格',
      '计量单位=米',
      '带号=29',
      '精度=0.001',
      '转换参数=,,,,,,',
      '[地块坐标]',
      '4,0.1235,A1,地块,面,,,,@',
      'J1,1,4850500.000,29547500.000',
      'J2,1,4850500.000,29547510.000',
      'J3,1,4850510.000,29547510.000',
      'J1,1,4850500.000,29547500.000',
      '',
    ]);
    expect(parseBoundaryCoordinates(text).epsg).toBe(4517);
  });

  it('refuses a field that would break the format', () => {
    const file = parseBoundaryCoordinates(fixture('two-parcels.txt'));
    const broken = { ...file, parcels: [{ ...file.parcels[0]!, name: '仓储,物流' }] };
    expect(() => writeBoundaryCoordinates(broken)).toThrow(ImportError);
  });
});

describe('a broken parcel is that parcel’s problem, and the rest of the file is read', () => {
  it('a ring that does not close', () => {
    const { problem, broken } = parcelProblem(fixture('bad-unclosed-ring.txt'), 2);
    expect(broken).toEqual([2]);
    expect(problem.code).toBe('unclosed_ring');
    expect(problem.details).toMatchObject({ line: 25, parcelNo: '2024-002' });
    expect(problem.details).not.toHaveProperty('file');
    expect(problem.message).toMatch(/^第 25 行（地块 2024-002）：.* \/ line 25 \(parcel 2024-002\)/);
  });

  it('a parcel whose point count is not its header’s', () => {
    const { problem, broken } = parcelProblem(fixture('bad-point-count.txt'), 1);
    expect(broken).toEqual([1]);
    expect(problem.code).toBe('point_count_mismatch');
    expect(problem.details).toMatchObject({ line: 13, parcelNo: '2024-001', expected: 6, found: 5 });
  });

  it('more points than the header says', () => {
    const text = fixture('two-parcels.txt').replace('6,0.6880,2024-002', '5,0.6880,2024-002');
    const { problem, broken } = parcelProblem(text, 2);
    expect(broken).toEqual([2]);
    expect(problem.details).toMatchObject({ line: 19, parcelNo: '2024-002', expected: 5, found: 6 });
  });

  it('a point count that is not a number: the parcel still begins at its header line', () => {
    const text = fixture('two-parcels.txt').replace('6,0.6880,2024-002', 'six,0.6880,2024-002');
    const { parcels } = parseBoundaryCoordinates(text);
    expect(parcels.map((p) => p.problem?.code)).toEqual([undefined, 'invalid_line']);
    expect(parcels[0]?.rings[0]).toHaveLength(5);
    expect(parcels[1]).toMatchObject({ parcelNo: '2024-002', declaredAreaHa: 0.688, rings: [] });
  });

  it('an easting without its zone prefix, saying when X and Y look swapped', () => {
    const bare = parcelProblem(squareFile(CGCS2000_29, 547_500, 4_850_500), 1).problem;
    expect(bare.code).toBe('invalid_coordinate');
    expect(bare.details.line).toBe(9);
    const swapped = parcelProblem(
      squareFile(CGCS2000_29, 29_547_500, 4_850_500).replace(/^(J\d,1),([\d.]+),([\d.]+)$/gm, '$1,$3,$2'),
      1,
    ).problem;
    expect(swapped.code).toBe('invalid_coordinate');
    expect(swapped.message).toContain('写反');
  });

  it('a coordinate that is not a number, naming the line; the next parcel is read', () => {
    const text = fixture('two-parcels.txt').replace('J3,1,4850500.000,29547600.000', 'J3,1,4850500.000,');
    const { problem, broken } = parcelProblem(text, 1);
    expect(broken).toEqual([1]);
    expect(problem.code).toBe('invalid_coordinate');
    expect(problem.details).toMatchObject({ line: 16, parcelNo: '2024-001' });
    expect(parseBoundaryCoordinates(text).parcels[1]?.rings[0]).toHaveLength(6);
  });

  it('a ring of fewer than 4 points', () => {
    const text = [
      '[属性描述]',
      CGCS2000_29,
      '[地块坐标]',
      '3,0.0000,1,线头,面,,,,@',
      'J1,1,4850500.000,29547500.000',
      'J2,1,4850510.000,29547500.000',
      'J1,1,4850500.000,29547500.000',
    ].join('\n');
    expect(parcelProblem(text, 1).problem).toMatchObject({
      code: 'invalid_ring',
      details: { line: 9, parcelNo: '1' },
    });
  });

  it('a ring whose points are split up', () => {
    const text = fixture('zone29-with-hole.txt').replace('J1,1,4851223.678,29548012.345\r\nJ5,2', 'J5,2');
    const moved = text.replace(/(J8,2,[^\r]*\r\nJ5,2,[^\r]*\r\n)/, '$1J1,1,4851223.678,29548012.345\r\n');
    expect(parcelProblem(moved, 1).problem.code).toBe('invalid_ring');
  });

  it('a parcel header without points', () => {
    const text = `${fixture('two-parcels.txt')}0,,2024-003,@\r\n`;
    const { problem, broken } = parcelProblem(text, 3);
    expect(broken).toEqual([3]);
    expect(problem).toMatchObject({ code: 'invalid_ring', details: { line: 26, parcelNo: '2024-003' } });
  });
});

describe('refusals of the whole file', () => {
  it('refuses an unknown coordinate system, whatever its parcels', () => {
    const error = refusal(fixture('bad-unknown-crs.txt'));
    expect(error.code).toBe('unknown_crs');
    expect(error.message).toContain('乌鲁木齐独立坐标系');
    const broken = fixture('bad-unclosed-ring.txt').replace(/坐标系=[^\r]*/, '坐标系=乌鲁木齐独立坐标系');
    expect(refusal(broken).code).toBe('unknown_crs');
  });

  it.each(['坐标系=WGS84', '坐标系=新北京54坐标系', ''])('refuses %j as unknown', (attributes) => {
    expect(refusal(squareFile(attributes, 29_547_500, 4_850_500)).code).toBe('unknown_crs');
  });

  it('refuses a 带号 the eastings contradict', () => {
    const error = refusal(fixture('bad-zone-mismatch.txt'));
    expect(error.code).toBe('contradictory_crs');
    expect(error.details).toMatchObject({ line: 14, parcelNo: '2024-001', zone: 29, expectedZone: 30 });
  });

  it('refuses a 带号 that is not a zone of its 几度分带', () => {
    const text = squareFile('坐标系=2000国家大地坐标系\n几度分带=6\n带号=29', 29_547_500, 4_850_500);
    expect(refusal(text).code).toBe('contradictory_crs');
  });

  it('refuses eastings from two zones in one file', () => {
    // Without 带号 the first easting sets the zone; every line moves up by one.
    const text = fixture('two-parcels.txt')
      .replace('带号=29\r\n', '')
      .replace(/,29547(7\d\d\.\d{3})/g, ',30547$1');
    const error = refusal(text);
    expect(error.code).toBe('contradictory_crs');
    expect(error.details).toMatchObject({ line: 19, parcelNo: '2024-002', zone: 30, expectedZone: 29 });
  });

  it('refuses a file without 带号 none of whose parcels can be read to tell the zone', () => {
    const text = squareFile('坐标系=2000国家大地坐标系\n几度分带=3', 547_500, 4_850_500);
    expect(refusal(text).code).toBe('unknown_crs');
  });

  it('refuses a point before any parcel header line', () => {
    const text = fixture('two-parcels.txt').replace(
      '[地块坐标]\r\n',
      '[地块坐标]\r\nJ1,1,4850600.000,29547500.000\r\n',
    );
    expect(refusal(text)).toMatchObject({ code: 'invalid_line', details: { line: 13 } });
  });

  it('refuses a file without parcels', () => {
    const head = fixture('two-parcels.txt').split('[地块坐标]')[0] ?? '';
    expect(refusal(head).code).toBe('empty_file');
    expect(refusal(`${head}[地块坐标]\r\n`).code).toBe('empty_file');
  });
});

function hasCommand(name: string): boolean {
  try {
    execFileSync('which', [name]);
    return true;
  } catch {
    return false;
  }
}
