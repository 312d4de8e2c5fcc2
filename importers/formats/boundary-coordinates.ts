// The national land boundary-coordinate text (国土TXT 界址点坐标, 自然资源部 exchange format for 勘测定界 and
// 报件): reading it with its CRS resolved to an EPSG code, checking declared areas, and writing it.
import { decodeText } from '../encoding/detect-encoding';
import { signedRingArea } from '../geometry/ring-area';
import { ImportError } from '../import-error';

export type BoundaryDatum = 'CGCS2000' | 'Xian1980' | 'Beijing1954';

export interface BoundaryParcel {
  /** 界址点数: point lines of the parcel, closing points included */
  pointCount: number;
  /** 地块面积 in 公顷, null when the field is empty */
  declaredAreaHa: number | null;
  parcelNo: string;
  name: string;
  /** 记录图形属性: 点, 线 or 面 */
  geometryKind: string;
  sheetNo: string;
  use: string;
  landClassCode: string;
  /** [easting, northing] as in the file (easting with the zone prefix), each ring closed; the first an
   * outer ring, each next one a hole or another part's outer ring (boundaryPolygons tells which); none
   * when the parcel has a problem */
  rings: [number, number][][];
  /** why the parcel cannot be read (its first problem, naming the line), when it cannot */
  problem?: BoundaryParcelProblem;
}

/** A broken parcel: it becomes one rejected feature, the rest of the file is still read. */
export interface BoundaryParcelProblem {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface BoundaryFile {
  /** the [属性描述] block as written, keys in file order */
  attributes: Record<string, string>;
  datum: BoundaryDatum;
  zoneWidth: 3 | 6;
  zone: number;
  /** the Gauss-Krüger CRS with the zone prefix in the easting (e.g. 4517 for CGCS2000 3° zone 29) */
  epsg: number;
  parcels: BoundaryParcel[];
}

// EPSG codes of the prefixed Gauss-Krüger zones: firstCode is the code of firstZone, then one per zone.
const ZONE_FAMILIES: {
  datum: BoundaryDatum;
  zoneWidth: 3 | 6;
  firstZone: number;
  lastZone: number;
  firstCode: number;
}[] = [
  { datum: 'CGCS2000', zoneWidth: 3, firstZone: 25, lastZone: 45, firstCode: 4513 },
  { datum: 'CGCS2000', zoneWidth: 6, firstZone: 13, lastZone: 23, firstCode: 4491 },
  { datum: 'Xian1980', zoneWidth: 3, firstZone: 25, lastZone: 45, firstCode: 2349 },
  { datum: 'Xian1980', zoneWidth: 6, firstZone: 13, lastZone: 23, firstCode: 2327 },
  { datum: 'Beijing1954', zoneWidth: 3, firstZone: 25, lastZone: 45, firstCode: 2401 },
  { datum: 'Beijing1954', zoneWidth: 6, firstZone: 13, lastZone: 23, firstCode: 21413 },
];

// How 坐标系 is spelled in the files, tried in order. 新北京54 is another datum and stays unknown.
const DATUM_SPELLINGS: { pattern: RegExp; datum: BoundaryDatum; written: string }[] = [
  { pattern: /2000|CGCS/i, datum: 'CGCS2000', written: '2000国家大地坐标系' },
  { pattern: /^(?!.*新).*(80|西安|xi'?an)/i, datum: 'Xian1980', written: '80国家大地坐标系' },
  { pattern: /^(?!.*新).*(54|北京|beijing)/i, datum: 'Beijing1954', written: '54北京坐标系' },
];

/** The [属性描述] keys in the order the format lists them, with what we write when a key is missing. */
const ATTRIBUTE_ORDER = [
  '格式版本号',
  '数据产生单位',
  '数据产生日期',
  '坐标系',
  '几度分带',
  '投影类型',
  '计量单位',
  '带号',
  '精度',
  '转换参数',
];
const ATTRIBUTE_DEFAULTS: Record<string, string> = {
  投影类型: '高斯克吕格',
  计量单位: '米',
  精度: '0.001',
  转换参数: ',,,,,,',
};

const NUMBER = /^[+-]?\d+(\.\d+)?$/;
const PREFIXED_ZONE = (zone: number) => ZONE_FAMILIES.some((f) => zone >= f.firstZone && zone <= f.lastZone);

/** The EPSG code of a prefixed Gauss-Krüger zone, or undefined when there is no such zone. */
export function boundaryEpsg(datum: BoundaryDatum, zoneWidth: 3 | 6, zone: number): number | undefined {
  const family = ZONE_FAMILIES.find((f) => f.datum === datum && f.zoneWidth === zoneWidth);
  if (!family || !Number.isInteger(zone) || zone < family.firstZone || zone > family.lastZone)
    return undefined;
  return family.firstCode + (zone - family.firstZone);
}

/** Decodes the file's bytes (UTF-8 or GBK, detected) and parses them. */
export function readBoundaryCoordinates(bytes: Uint8Array, fileName?: string): BoundaryFile {
  return parseBoundaryCoordinates(decodeText(bytes, undefined, fileName).text, fileName);
}

interface Where {
  line?: number;
  parcelNo?: string;
}

interface RawPoint {
  line: number;
  ring: number;
  northing: number;
  easting: number;
}

interface RawParcel {
  line: number;
  header: Omit<BoundaryParcel, 'rings' | 'problem'>;
  points: RawPoint[];
  problem?: BoundaryParcelProblem;
}

/**
 * Header problems (the [属性描述] block, the CRS, no [地块坐标] section, no parcel, one zone per file) refuse
 * the file with an ImportError; a parcel whose header line, points or rings are broken gets its first
 * problem and no rings, and the other parcels are read on.
 */
export function parseBoundaryCoordinates(text: string, fileName?: string): BoundaryFile {
  const fail: Fail = failer(fileName);
  // a parcel's problem is reported with its feature, in the report of the file: no file name in it
  const failParcel: Fail = failer(undefined);
  const attributes: Record<string, string> = {};
  const parcels: RawParcel[] = [];
  let section: string | undefined;
  let sawParcelSection = false;

  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const content = raw.trim();
      if (content === '') return;
      const header = /^[[【]\s*(.+?)\s*[\]】]$/.exec(content);
      if (header) {
        section = header[1];
        if (section === '地块坐标') sawParcelSection = true;
        return;
      }
      if (section === '属性描述') {
        const eq = content.search(/[=＝]/);
        if (eq <= 0) {
          fail('invalid_line', { line }, `"${content}" 不是 "键=值" 形式`, `"${content}" is not "key=value"`);
        }
        attributes[content.slice(0, eq).trim()] = content.slice(eq + 1).trim();
      } else if (section === '地块坐标') {
        if (content.endsWith('@')) {
          const { header, problem } = parseParcelHeader(content, line, failParcel);
          parcels.push({ line, header, points: [], ...(problem ? { problem } : {}) });
        } else {
          const parcel = parcels.at(-1);
          if (!parcel) {
            fail(
              'invalid_line',
              { line },
              '坐标点之前缺少地块信息行（界址点数,地块面积,…,@）',
              'a point comes before any parcel header line (point count, area, …, @)',
            );
          }
          if (parcel.problem) return;
          const point = parcelProblem(() => parsePoint(content, line, parcel.header.parcelNo, failParcel));
          if ('problem' in point) parcel.problem = point.problem;
          else parcel.points.push(point.value);
        }
      } else if (section === undefined) {
        fail('invalid_line', { line }, '文件应以 [属性描述] 开头', 'the file should begin with [属性描述]');
      }
      // Lines of sections this format does not define are skipped.
    });

  if (!sawParcelSection || parcels.length === 0) {
    fail(
      'empty_file',
      {},
      sawParcelSection ? '[地块坐标] 中没有地块' : '缺少 [地块坐标] 部分',
      sawParcelSection ? 'the [地块坐标] section holds no parcels' : 'there is no [地块坐标] section',
    );
  }

  const { datum, zoneWidth: declaredWidth, zone: declaredZone } = readCrsAttributes(attributes, fail);
  for (const parcel of parcels) {
    if (parcel.problem) continue;
    const checked = parcelProblem(() => checkZonePrefixes(parcel, failParcel));
    if ('problem' in checked) parcel.problem = checked.problem;
  }
  let zone = declaredZone;
  for (const parcel of parcels) {
    if (parcel.problem) continue;
    for (const point of parcel.points) {
      const where = { line: point.line, parcelNo: parcel.header.parcelNo };
      const prefix = Math.floor(point.easting / 1_000_000);
      if (zone === undefined) zone = prefix;
      if (prefix !== zone) {
        fail(
          'contradictory_crs',
          where,
          `Y 坐标的带号 ${prefix} 与${declaredZone === undefined ? '前面的点' : `属性描述中的带号 ${zone}`}不一致：一个文件只能用一个投影带`,
          `the Y coordinate is in zone ${prefix} but ${declaredZone === undefined ? 'earlier points are' : `带号 says`} zone ${zone}: one file holds one zone`,
          { zone: prefix, expectedZone: zone },
        );
      }
    }
  }
  if (zone === undefined) {
    // every parcel is broken and 带号 is not declared: nothing says which zone the file is in
    fail(
      'unknown_crs',
      {},
      '[属性描述] 中没有 带号，且没有一个地块的坐标可以读出带号：请填写 带号',
      '[属性描述] has no 带号 and no parcel has coordinates that tell the zone: fill in 带号',
    );
  }
  const zoneWidth = declaredWidth ?? (zone >= 25 ? 3 : 6);
  const epsg = boundaryEpsg(datum, zoneWidth, zone);
  if (epsg === undefined) {
    fail(
      'contradictory_crs',
      {},
      `带号 ${zone} 不是 ${zoneWidth} 度分带的带号（3 度带 25–45，6 度带 13–23）：请核对 几度分带 与 带号`,
      `zone ${zone} is not a ${zoneWidth}° zone (3° zones are 25–45, 6° zones 13–23): check 几度分带 and 带号`,
      { zone, zoneWidth },
    );
  }

  return {
    attributes,
    datum,
    zoneWidth,
    zone,
    epsg,
    parcels: parcels.map((parcel): BoundaryParcel => {
      const rings = parcel.problem
        ? { problem: parcel.problem }
        : parcelProblem(() => buildRings(parcel, failParcel));
      return 'problem' in rings
        ? { ...parcel.header, rings: [], problem: rings.problem }
        : { ...parcel.header, rings: rings.value };
    }),
  };
}

/** A parcel's step, or the problem it found (an ImportError thrown by a parcel-level check). */
function parcelProblem<T>(step: () => T): { value: T } | { problem: BoundaryParcelProblem } {
  try {
    return { value: step() };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { problem: { code: error.code, message: error.message, details: error.details } };
  }
}

/** Each point's easting must carry a zone prefix, and its northing be a northing. */
function checkZonePrefixes(parcel: RawParcel, fail: Fail): void {
  for (const point of parcel.points) {
    const where = { line: point.line, parcelNo: parcel.header.parcelNo };
    const prefix = Math.floor(point.easting / 1_000_000);
    if (!PREFIXED_ZONE(prefix) || point.northing >= 10_000_000 || point.northing <= 0) {
      const swapped = PREFIXED_ZONE(Math.floor(point.northing / 1_000_000));
      fail(
        'invalid_coordinate',
        where,
        `Y 坐标 ${point.easting} 没有有效的带号前缀` +
          (swapped
            ? '，X 与 Y 似乎写反了（X 为北坐标，Y 为带带号的东坐标）'
            : '：Y 应为带带号的东坐标（如 29548285.115）'),
        `the Y coordinate ${point.easting} has no valid zone prefix` +
          (swapped
            ? '; X and Y look swapped (X is the northing, Y the easting with its zone prefix)'
            : '; Y must be the easting with its zone prefix (e.g. 29548285.115)'),
      );
    }
  }
}

/**
 * A parcel's rings as polygons. 圈号 numbers the outer rings of a parcel's parts and their holes alike: a
 * ring inside an earlier polygon's outer ring (and not inside one of its holes) is a hole of it, any
 * other ring the outer ring of another part.
 */
export function boundaryPolygons(rings: [number, number][][]): [number, number][][][] {
  const polygons: [number, number][][][] = [];
  for (const ring of rings) {
    const owner = polygons.find(
      ([outer = [], ...holes]) => ringInside(ring, outer) && !holes.some((hole) => ringInside(ring, hole)),
    );
    if (owner) owner.push(ring);
    else polygons.push([ring]);
  }
  return polygons;
}

/** Whether a ring lies inside another: its first vertex that is not also a vertex of the other decides
 * (valid rings may touch at a vertex, never cross). */
function ringInside(ring: [number, number][], container: [number, number][]): boolean {
  const probe = ring.find(([x, y]) => !container.some(([cx, cy]) => cx === x && cy === y));
  if (!probe) return false;
  const [x, y] = probe;
  let inside = false;
  for (let i = 0, j = container.length - 1; i < container.length; j = i++) {
    const [xi, yi] = container[i]!;
    const [xj, yj] = container[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Declared (公顷 × 10,000) against computed plane area in the Gauss-Krüger zone, outer rings minus holes. */
export function boundaryAreaChecks(file: BoundaryFile): {
  /** the parcel's place in the file, from 1 */
  feature: number;
  parcelNo: string;
  declaredM2: number | null;
  computedM2: number;
  differencePct: number | null;
}[] {
  // a broken parcel has no rings to compute an area from: its problem is reported instead
  return file.parcels.flatMap((parcel, index) => {
    if (parcel.problem) return [];
    const computedM2 = boundaryPolygons(parcel.rings).reduce(
      (sum, rings) =>
        rings.reduce((area, ring, i) => area + (i === 0 ? 1 : -1) * Math.abs(signedRingArea(ring)), sum),
      0,
    );
    const declaredM2 =
      parcel.declaredAreaHa === null ? null : Math.round(parcel.declaredAreaHa * 10_000 * 1e6) / 1e6;
    const differencePct = declaredM2 ? ((computedM2 - declaredM2) / declaredM2) * 100 : null;
    return [{ feature: index + 1, parcelNo: parcel.parcelNo, declaredM2, computedM2, differencePct }];
  });
}

/**
 * The file in the same format: areas in 公顷 to 4 decimals, coordinates to 3, rings closed, points numbered
 * J1… per parcel, CRLF line ends. The CRS keys follow datum, zoneWidth and zone.
 */
export function writeBoundaryCoordinates(file: BoundaryFile): string {
  const fail: Fail = failer(undefined);
  const lines = ['[属性描述]'];
  for (const [key, value] of Object.entries(attributesToWrite(file))) {
    if (/[\r\n]/.test(value) || /[=\r\n]/.test(key)) {
      fail('invalid_field', {}, `属性 "${key}" 含换行或等号`, `attribute "${key}" holds a line break or "="`);
    }
    lines.push(`${key}=${value}`);
  }
  lines.push('[地块坐标]');
  for (const parcel of file.parcels) {
    if (parcel.rings.length === 0 || parcel.rings.some((ring) => ring.length < 3)) {
      fail(
        'invalid_ring',
        { parcelNo: parcel.parcelNo },
        '地块没有圈，或某一圈不足 3 个点',
        'the parcel has no ring, or a ring with fewer than 3 points',
      );
    }
    const rings = parcel.rings.map((ring) =>
      ringClosed(ring) ? ring : [...ring, ring[0] as [number, number]],
    );
    const texts = [
      parcel.parcelNo,
      parcel.name,
      parcel.geometryKind,
      parcel.sheetNo,
      parcel.use,
      parcel.landClassCode,
    ];
    if (texts.some((t) => /[,，\r\n]/.test(t))) {
      fail(
        'invalid_field',
        { parcelNo: parcel.parcelNo },
        '地块的编号、名称等字段不能含逗号或换行',
        'parcel fields cannot hold commas or line breaks',
      );
    }
    const count = rings.reduce((sum, ring) => sum + ring.length, 0);
    const area = parcel.declaredAreaHa === null ? '' : parcel.declaredAreaHa.toFixed(4);
    lines.push([count, area, ...texts, '@'].join(','));
    let next = 1;
    rings.forEach((ring, r) => {
      const first = next;
      ring.forEach(([easting, northing], i) => {
        const number = i === ring.length - 1 ? first : next++;
        lines.push(`J${number},${r + 1},${northing.toFixed(3)},${easting.toFixed(3)}`);
      });
    });
  }
  return lines.join('\r\n') + '\r\n';
}

type Fail = (code: string, where: Where, zh: string, en: string, extra?: Record<string, unknown>) => never;

/** Errors naming the file, line and parcel: "文件 "a.txt" 第 12 行（地块 1）：… / File "a.txt" line 12 (parcel 1): …". */
function failer(fileName: string | undefined): Fail {
  return (code, { line, parcelNo }, zh, en, extra = {}) => {
    const zhAt = `${fileName ? `文件 "${fileName}" ` : ''}${line ? `第 ${line} 行` : ''}${parcelNo ? `（地块 ${parcelNo}）` : ''}`;
    const enAt = [
      fileName ? `File "${fileName}"` : '',
      line ? `line ${line}` : '',
      parcelNo ? `(parcel ${parcelNo})` : '',
    ]
      .filter(Boolean)
      .join(' ');
    throw new ImportError(code, `${zhAt ? `${zhAt}：` : ''}${zh} / ${enAt ? `${enAt}: ` : ''}${en}`, {
      ...(fileName ? { file: fileName } : {}),
      line,
      parcelNo,
      ...extra,
    });
  };
}

/**
 * 界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码,@ — trailing fields may be
 * missing. A count or area that is not a number is the parcel's problem; the parcel still begins here.
 */
function parseParcelHeader(
  content: string,
  line: number,
  fail: Fail,
): { header: RawParcel['header']; problem?: BoundaryParcelProblem } {
  const fields = content
    .slice(0, -1)
    .replace(/[,，]\s*$/, '')
    .split(/[,，]/)
    .map((f) => f.trim());
  const [
    count = '',
    area = '',
    parcelNo = '',
    name = '',
    geometryKind = '',
    sheetNo = '',
    use = '',
    landClassCode = '',
  ] = fields;
  const header = {
    pointCount: /^\d+$/.test(count) ? Number(count) : 0,
    declaredAreaHa: area === '' || !NUMBER.test(area) ? null : Number(area),
    parcelNo,
    name,
    geometryKind,
    sheetNo,
    use,
    landClassCode,
  };
  const checked = parcelProblem(() => checkParcelHeader(count, area, line, parcelNo, fail));
  return 'problem' in checked ? { header, problem: checked.problem } : { header };
}

function checkParcelHeader(count: string, area: string, line: number, parcelNo: string, fail: Fail): void {
  if (!/^\d+$/.test(count)) {
    fail(
      'invalid_line',
      { line, parcelNo },
      `界址点数 "${count}" 不是整数`,
      `the point count "${count}" is not a whole number`,
    );
  }
  if (area !== '' && !NUMBER.test(area)) {
    fail(
      'invalid_line',
      { line, parcelNo },
      `地块面积 "${area}" 不是数字（单位公顷）`,
      `the area "${area}" is not a number (公顷)`,
    );
  }
}

/** 点号,圈号,X,Y with X the northing and Y the easting. */
function parsePoint(content: string, line: number, parcelNo: string, fail: Fail): RawPoint {
  const [, ring = '', x = '', y = ''] = content.split(/[,，]/).map((f) => f.trim());
  if (!/^\d+$/.test(ring)) {
    fail(
      'invalid_coordinate',
      { line, parcelNo },
      `圈号 "${ring}" 不是整数`,
      `the ring number "${ring}" is not a whole number`,
    );
  }
  if (!NUMBER.test(x) || !NUMBER.test(y)) {
    fail(
      'invalid_coordinate',
      { line, parcelNo },
      `坐标 "${x}", "${y}" 不是数字：每个点应写作 点号,圈号,X,Y`,
      `the coordinates "${x}", "${y}" are not numbers: each point reads point-no,ring,X,Y`,
    );
  }
  return { line, ring: Number(ring), northing: Number(x), easting: Number(y) };
}

function readCrsAttributes(
  attributes: Record<string, string>,
  fail: Fail,
): { datum: BoundaryDatum; zoneWidth?: 3 | 6; zone?: number } {
  const system = attributes['坐标系'] ?? '';
  const datum = DATUM_SPELLINGS.find((s) => s.pattern.test(system))?.datum;
  const projection = attributes['投影类型'];
  const unit = attributes['计量单位'];
  const widthText = attributes['几度分带'] ?? '';
  const zoneText = attributes['带号'] ?? '';
  const unknown = (zh: string, en: string, extra: Record<string, unknown>) =>
    fail(
      'unknown_crs',
      {},
      `${zh}：本系统接受 2000国家大地坐标系、80国家大地坐标系（西安80）、54北京坐标系 的高斯-克吕格投影（米）`,
      `${en}: accepted are CGCS2000, Xian 1980 and Beijing 1954 in Gauss-Krüger projection, in metres`,
      extra,
    );
  if (!datum) {
    unknown(
      system ? `未识别的坐标系 "${system}"` : '[属性描述] 中缺少 坐标系',
      system ? `unknown 坐标系 "${system}"` : '[属性描述] has no 坐标系',
      { crs: system },
    );
  }
  if (projection !== undefined && projection !== '' && !/高斯|gauss/i.test(projection)) {
    unknown(`不支持的投影类型 "${projection}"`, `unsupported 投影类型 "${projection}"`, { projection });
  }
  if (unit !== undefined && unit !== '' && !/^(米|m|metres?|meters?)$/i.test(unit)) {
    unknown(`不支持的计量单位 "${unit}"`, `unsupported 计量单位 "${unit}"`, { unit });
  }
  const width = /^(3|三)/.test(widthText) ? 3 : /^(6|六)/.test(widthText) ? 6 : undefined;
  if (widthText !== '' && width === undefined) {
    unknown(`几度分带 "${widthText}" 应为 3 或 6`, `几度分带 "${widthText}" must be 3 or 6`, {
      zoneWidth: widthText,
    });
  }
  if (zoneText !== '' && !/^\d+$/.test(zoneText)) {
    unknown(`带号 "${zoneText}" 不是整数`, `带号 "${zoneText}" is not a whole number`, { zone: zoneText });
  }
  return {
    datum: datum as BoundaryDatum,
    zoneWidth: width,
    zone: zoneText === '' ? undefined : Number(zoneText),
  };
}

/** Splits the points into rings by 圈号: each ring consecutive, closed, at least 4 points with the closing one. */
function buildRings(parcel: RawParcel, fail: Fail): [number, number][][] {
  const { parcelNo, pointCount } = parcel.header;
  if (parcel.points.length !== pointCount) {
    fail(
      'point_count_mismatch',
      { line: parcel.line, parcelNo },
      `界址点数为 ${pointCount}，但其后有 ${parcel.points.length} 个点：请核对点数（含各圈的闭合点）`,
      `the header says ${pointCount} points but ${parcel.points.length} follow: check the count (closing points included)`,
      { expected: pointCount, found: parcel.points.length },
    );
  }
  if (parcel.points.length === 0) {
    fail('invalid_ring', { line: parcel.line, parcelNo }, '地块没有界址点', 'the parcel has no points');
  }
  const groups: RawPoint[][] = [];
  for (const point of parcel.points) {
    const current = groups.at(-1);
    if (current && current[0]?.ring === point.ring) current.push(point);
    else if (groups.some((g) => g[0]?.ring === point.ring)) {
      fail(
        'invalid_ring',
        { line: point.line, parcelNo },
        `圈号 ${point.ring} 的点不连续：同一圈的点应写在一起`,
        `the points of ring ${point.ring} are not together: write each ring's points in one run`,
        { ring: point.ring },
      );
    } else groups.push([point]);
  }
  return groups.map((group) => {
    const first = group[0] as RawPoint;
    const last = group[group.length - 1] as RawPoint;
    const same = (p: RawPoint) => p.easting === first.easting && p.northing === first.northing;
    const early = group.slice(1, -1).find(same);
    if (early) {
      fail(
        'invalid_ring',
        { line: early.line, parcelNo },
        `第 ${first.ring} 圈在此已回到起点，但之后还有点：每一圈（多个部分）应使用不同的圈号`,
        `ring ${first.ring} returns to its first point here but goes on: give each ring (or part) its own ring number`,
        { ring: first.ring },
      );
    }
    if (!same(last)) {
      fail(
        'unclosed_ring',
        { line: last.line, parcelNo },
        `第 ${first.ring} 圈没有闭合：最后一个点应与第 ${first.line} 行的起点相同`,
        `ring ${first.ring} is not closed: its last point must repeat the first one (line ${first.line})`,
        { ring: first.ring },
      );
    }
    if (group.length < 4) {
      fail(
        'invalid_ring',
        { line: first.line, parcelNo },
        `第 ${first.ring} 圈只有 ${group.length} 个点：一圈至少需要 3 个不同的点再加闭合点`,
        `ring ${first.ring} has only ${group.length} points: a ring needs 3 distinct points plus the closing one`,
        { ring: first.ring },
      );
    }
    return group.map((p): [number, number] => [p.easting, p.northing]);
  });
}

function ringClosed(ring: [number, number][]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return (
    ring.length > 1 &&
    first !== undefined &&
    last !== undefined &&
    first[0] === last[0] &&
    first[1] === last[1]
  );
}

/** The attributes to write: the file's own, CRS keys made to agree with datum, zoneWidth and zone. */
function attributesToWrite(file: BoundaryFile): Record<string, string> {
  const given = file.attributes;
  const keep = (key: string, agrees: (value: string) => boolean, written: string) => {
    const value = given[key];
    return value !== undefined && agrees(value) ? value : written;
  };
  const spelling = DATUM_SPELLINGS.find((s) => s.datum === file.datum);
  const merged: Record<string, string> = {
    ...ATTRIBUTE_DEFAULTS,
    ...given,
    坐标系: keep(
      '坐标系',
      (v) => DATUM_SPELLINGS.find((s) => s.pattern.test(v))?.datum === file.datum,
      spelling?.written ?? file.datum,
    ),
    几度分带: keep('几度分带', (v) => v.startsWith(String(file.zoneWidth)), String(file.zoneWidth)),
    带号: keep('带号', (v) => v === String(file.zone), String(file.zone)),
  };
  const ordered: Record<string, string> = {};
  for (const key of ATTRIBUTE_ORDER) if (merged[key] !== undefined) ordered[key] = merged[key];
  for (const [key, value] of Object.entries(merged)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}
