// What a compliance report says, in order, independent of its file format: the PDF and the DOCX are both
// written from these blocks, so they carry the same title, figures, sections and verification line.
import type { ComplianceRun, RuleResult } from '../runs/read-run';

export const REPORT_TITLE = '建设项目选址合规性审查报告';

/** The maps a report shows: the whole site, and one per rule, drawn by the caller. */
export type MapKey = { site: true } | { ruleId: string };

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'verdict' | 'note' }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'map'; map: MapKey; caption: string };

export interface ReportOptions {
  /** the address a verification code is appended to, e.g. https://host/api/v1/compliance/verify/ */
  verifyBaseUrl: string;
}

const SEVERITY: Record<RuleResult['severity'], string> = {
  prohibit: '禁止性',
  warn: '警示性',
  inform: '提示性',
};

/** A number as the stored run gives it (no grouping), so the report's figures match the JSON exactly. */
export const figure = (value: number): string => String(value);

/** An instant as Beijing time (UTC+8) with the ISO form after it. */
export function beijingTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}（北京时间，${iso}）`;
}

export function areaText(areaM2: number, areaHa: number, areaMu: number): string {
  return `${figure(areaM2)} 平方米（${figure(areaHa)} 公顷，${figure(areaMu)} 亩）`;
}

function ruleVerdict(rule: RuleResult): string {
  if (rule.passed) return '符合';
  return rule.severity === 'inform' ? '提示' : '不符合';
}

function ruleFigures(rule: RuleResult): [string, string][] {
  const rows: [string, string][] = [];
  if (rule.areaM2 !== null && rule.areaHa !== null && rule.areaMu !== null) {
    rows.push(['涉及面积', areaText(rule.areaM2, rule.areaHa, rule.areaMu)]);
  }
  if (rule.ratio !== null) {
    rows.push(['占用比例', `${figure(Math.round(rule.ratio * 1e6) / 1e4)}%（${figure(rule.ratio)}）`]);
  }
  if (rule.distanceM !== null) rows.push(['最近距离', `${figure(rule.distanceM)} 米`]);
  if (rule.features.length > 0) {
    const named = rule.features.slice(0, 8).map((f) => {
      const name = f.attributes.name ?? f.attributes.NAME ?? f.attributes.mc;
      const label = [f.layer, f.key ?? f.id, typeof name === 'string' ? name : null]
        .filter(Boolean)
        .join(' ');
      const extra =
        f.areaM2 !== undefined
          ? ` ${figure(Math.round(f.areaM2 * 100) / 100)} 平方米`
          : f.distanceM !== undefined
            ? ` ${figure(Math.round(f.distanceM * 100) / 100)} 米`
            : '';
      return label + extra;
    });
    const more = rule.features.length > 8 ? `，另有 ${rule.features.length - 8} 个` : '';
    rows.push(['涉及要素', `${rule.features.length} 个：${named.join('；')}${more}`]);
  }
  return rows;
}

function ruleSection(rule: RuleResult, index: number): ReportBlock[] {
  return [
    { kind: 'heading', text: `${index + 1}. ${rule.title}` },
    {
      kind: 'fields',
      rows: [
        ['审查结论', ruleVerdict(rule)],
        ['规则', `${rule.ruleId}（${rule.kind}，${SEVERITY[rule.severity]}）`],
        ['依据', rule.legalBasis],
        ...ruleFigures(rule),
      ],
    },
    {
      kind: 'map',
      map: { ruleId: rule.ruleId },
      caption: `图 ${index + 2}  ${rule.title}：用地范围与冲突部分`,
    },
  ];
}

export function reportContent(run: ComplianceRun, options: ReportOptions): ReportBlock[] {
  const failed = run.rules.filter((r) => !r.passed && r.severity !== 'inform').length;
  return [
    { kind: 'title', text: REPORT_TITLE },
    {
      kind: 'fields',
      rows: [
        ['审查编号', run.id],
        ['项目', run.projectCode ?? '（未关联项目）'],
        ['项目类型', run.input.projectType ?? '（未指定）'],
        ['用地面积', areaText(run.siteAreaM2, run.siteAreaHa, run.siteAreaMu)],
        ['审查时间', beijingTime(run.createdAt)],
        ['审查人', run.createdBy ?? '（API）'],
      ],
    },
    { kind: 'paragraph', text: `审查结论：${run.verdict}`, emphasis: 'verdict' },
    {
      kind: 'paragraph',
      text: `共审查 ${run.rules.length} 条规则，其中 ${failed} 条不符合。`,
    },
    { kind: 'map', map: { site: true }, caption: '图 1  用地范围（黄色虚线）、相关图层与冲突部分（青色）' },
    { kind: 'heading', text: '逐条审查结果' },
    ...run.rules.flatMap(ruleSection),
    { kind: 'heading', text: '审查依据的版本' },
    {
      kind: 'fields',
      rows: [
        ['规则集', `${run.ruleSet.name}（${run.ruleSet.code}）第 ${run.ruleSet.version} 版`],
        ...run.layerVersions.map((l): [string, string] => [
          l.name,
          `${l.layer} 第 ${l.version} 版，发布于 ${l.publishedAt ? beijingTime(l.publishedAt) : '（未记录）'}`,
        ]),
      ],
    },
    { kind: 'heading', text: '报告验证' },
    { kind: 'paragraph', text: `验证码：${run.verificationCode ?? '（无）'}` },
    {
      kind: 'paragraph',
      text: `核验方式：访问 ${options.verifyBaseUrl} 后接上述验证码的地址，可确认本报告与系统中保存的审查记录一致。`,
      emphasis: 'note',
    },
  ];
}
