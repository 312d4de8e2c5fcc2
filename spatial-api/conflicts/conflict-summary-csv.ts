// The conflict summary as a CSV table (UTF-8 with a byte-order mark, so spreadsheet programs read the
// Chinese): one row per conflict type, district and type × district, the total, and one row per source
// layer version; cells go through csvCell so nothing is read as a spreadsheet formula.
import type { AreaFigures, ConflictSummary } from '../../compliance-rules';
import { csvCell } from '../../importers';

const HEADER = [
  '分组',
  '冲突类型代码',
  '冲突类型',
  '行政区划代码',
  '行政区',
  '图斑数',
  '面积（平方米）',
  '面积（公顷）',
  '面积（亩）',
  '图层',
  '版本',
];

type Cell = string | number | null;

export function conflictSummaryCsv(summary: ConflictSummary): string {
  const figures = (f: AreaFigures): Cell[] => [f.count, f.areaM2, f.areaHa, f.areaMu];
  const own = [summary.layer, summary.version];
  const rows: Cell[][] = [
    ...summary.byType.map((t) => ['冲突类型', t.conflictType, t.title, null, null, ...figures(t), ...own]),
    ...summary.byDistrict.map((d) => [
      '行政区',
      null,
      null,
      d.districtCode,
      d.districtName,
      ...figures(d),
      ...own,
    ]),
    ...summary.byTypeAndDistrict.map((x) => [
      '冲突类型×行政区',
      x.conflictType,
      summary.byType.find((t) => t.conflictType === x.conflictType)?.title ?? null,
      x.districtCode,
      x.districtName,
      ...figures(x),
      ...own,
    ]),
    ['合计', null, null, null, null, ...figures(summary.total), ...own],
    ...summary.sources.map((s) => [
      '来源图层',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      s.layer,
      s.version,
    ]),
  ];
  const line = (cells: Cell[]) => cells.map((c) => (c === null ? '' : csvCell(c))).join(',');
  return `\ufeff${[HEADER, ...rows].map(line).join('\r\n')}\r\n`;
}
