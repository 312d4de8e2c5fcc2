// The opinion document (策划意见书) of a concluded task, as document blocks for the shared PDF and DOCX
// writers: the project and its site (with the map the caller drew), the lead's conclusion, the reuse of
// regional assessments, each department's opinion with its conditions and how the map checked them, the
// assessments still to be made, and the departments that let the deadline pass.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import type { Principal } from '../../accounts';
import {
  beijingTime,
  docxDocument,
  M2_PER_HA,
  M2_PER_MU,
  pdfDocument,
  type DocumentBlock,
} from '../../compliance-rules';
import type { RecordStore } from '../record-store';
import { findConditionKind } from './catalogue';
import type { ConditionCheck } from './condition-checks';
import type { ConditionItem } from './opinion-input';
import { conflict } from './planning-error';
import { REGIONAL_ASSESSMENT_LAYER } from './regional-reuse';
import { requireTask } from './task-access';
import { taskViews, type OpinionView, type TaskView } from './task-view';

const DOCUMENT_FACTS = readFileSync(path.join(__dirname, 'document-facts.sql'), 'utf8');

export const OPINION_DOCUMENT_TITLE = '项目策划意见书';
/** layers drawn under the site in the document's map, besides those the setback conditions name */
const MAP_LAYERS = ['land_use_plan', 'blue_line', 'green_line'];

export interface DocumentFacts {
  task: TaskView;
  project: {
    code: string;
    name: string;
    constructionUnit: string;
    projectType: string;
    districtCode: string;
    districtName: string | null;
  };
  site: { geometry: Record<string, unknown>; areaM2: number; versionNo: number } | null;
  /** the layers the map should show under the site */
  mapLayers: string[];
}

export async function opinionDocumentFacts(
  store: RecordStore,
  id: number,
  principal: Principal,
): Promise<DocumentFacts> {
  const { task, project } = await requireTask(store.models, id, principal);
  if (task.status !== 'concluded')
    throw conflict(`策划任务${task.id}尚未办结，没有策划意见书 / task ${task.id} is not concluded yet`, {
      parameter: 'id',
      status: task.status,
    });
  const [view] = await taskViews(store, [task], { withProposal: true });
  const [site] =
    project.currentSiteVersionId === null
      ? []
      : await store.sequelize.query<{
          geometry: Record<string, unknown>;
          area_m2: number;
          version_no: number;
          district_name: string | null;
        }>(DOCUMENT_FACTS, {
          bind: [project.currentSiteVersionId, project.districtCode],
          type: QueryTypes.SELECT,
        });
  const setbackLayers = view!.opinions.flatMap((o) =>
    o.conditions.map((c) => c.layer).filter((l): l is string => l !== null),
  );
  const reuse = (view!.reuseProposal ?? []).length > 0 ? [REGIONAL_ASSESSMENT_LAYER] : [];
  return {
    task: view!,
    project: {
      code: project.code,
      name: project.name,
      constructionUnit: project.constructionUnit,
      projectType: project.projectType,
      districtCode: project.districtCode,
      districtName: site?.district_name ?? null,
    },
    site: site ? { geometry: site.geometry, areaM2: Number(site.area_m2), versionNo: site.version_no } : null,
    mapLayers: [...new Set([...MAP_LAYERS, ...reuse, ...setbackLayers])],
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function areaText(areaM2: number): string {
  return `${round(areaM2, 2)} 平方米（${round(areaM2 / M2_PER_HA, 4)} 公顷，${round(areaM2 / M2_PER_MU, 2)} 亩）`;
}

const CHECK_TEXT: Record<ConditionCheck['status'], string> = {
  met: '图上核验：符合',
  not_met: '图上核验：不符合',
  not_checkable: '图上核验：无法在图上核验',
  no_site: '图上核验：项目尚无用地范围',
};

function conditionText(item: ConditionItem & { check: ConditionCheck | null }, i: number): string {
  const kind = findConditionKind(item.kind);
  const name = kind?.name ?? item.kind;
  const value =
    item.value === null
      ? ''
      : item.kind === 'setback_from'
        ? `：距“${item.layer ?? ''}”图层要素不少于 ${item.value} 米`
        : `：${item.comparison ?? ''} ${item.value}${item.unit ? ` ${item.unit === 'm' ? '米' : item.unit}` : ''}`;
  const parts = [`（${i + 1}）${name}${value}`];
  if (item.text) parts.push(item.text);
  if (item.legalBasis) parts.push(`依据：${item.legalBasis}`);
  if (item.check) {
    // a setback's measured distance; a plan indicator's parcel and value, or why it could not be checked
    const said = item.check.note.split(' / ')[0] ?? '';
    const measured =
      item.check.distanceM !== null
        ? `（实测最近距离 ${item.check.distanceM} 米${item.check.nearestFeature?.name ? `，${item.check.nearestFeature.name}` : ''}）`
        : item.check.planValue != null || (item.check.status === 'not_checkable' && said !== '无法在图上核验')
          ? `（${said}）`
          : '';
    parts.push(`${CHECK_TEXT[item.check.status]}${measured}`);
  }
  return parts.join('；');
}

const STANDING_TEXT = { submitted: '按期提出', late: '逾期提出', overdue: '逾期未提出', waiting: '未提出' };

function opinionSection(opinion: OpinionView, index: number, task: TaskView): DocumentBlock[] {
  const standing = task.departments.find((d) => d.id === opinion.department.id)?.standing ?? 'submitted';
  const blocks: DocumentBlock[] = [
    { kind: 'heading', text: `${index + 1}. ${opinion.department.name}` },
    {
      kind: 'fields',
      rows: [
        ['提出时间', `${beijingTime(opinion.createdAt)}，${STANDING_TEXT[standing]}`],
        [
          '提出人',
          opinion.author ? `${opinion.author.displayName}（${opinion.author.username}）` : '（未记录）',
        ],
        ...(opinion.supersedesId !== null
          ? [['修订', `本意见修订并取代第 ${opinion.supersedesId} 号意见`] as [string, string]]
          : []),
      ],
    },
    { kind: 'paragraph', text: `意见：${opinion.text}` },
  ];
  if (opinion.conditions.length > 0) {
    blocks.push({ kind: 'paragraph', text: '建设条件：' });
    opinion.conditions.forEach((c, i) => blocks.push({ kind: 'paragraph', text: conditionText(c, i) }));
  }
  const fields: [string, string][] = [];
  if (opinion.requiredAssessments.length > 0)
    fields.push(['需开展的评估', opinion.requiredAssessments.map((a) => a.name).join('、')]);
  if (opinion.reusedAssessments.length > 0)
    fields.push([
      '确认复用的区域评估',
      opinion.reusedAssessments
        .map((r) => `${r.assessment.name}（${r.area.name ?? r.area.code ?? ''}）`)
        .join('、'),
    ]);
  if (opinion.attachments.length > 0)
    fields.push([
      '附件',
      opinion.attachments
        .map((a) => `${a.name}（${a.sizeBytes} 字节，SHA-256 ${a.sha256.slice(0, 16)}…）`)
        .join('；'),
    ]);
  if (opinion.geometry) fields.push(['图示', '本部门在图上标注了范围，见图 1（青色）']);
  if (fields.length > 0) blocks.push({ kind: 'fields', rows: fields });
  return blocks;
}

export function opinionDocumentBlocks(
  facts: DocumentFacts,
  siteMap: Buffer | null,
  generatedAt: Date,
): DocumentBlock[] {
  const { task, project, site } = facts;
  const reusedCodes = new Set(
    task.opinions.flatMap((o) => o.reusedAssessments.map((r) => r.assessment.code)),
  );
  const required = [
    ...new Map(task.opinions.flatMap((o) => o.requiredAssessments).map((a) => [a.name, a])).values(),
  ].filter((a) => a.code === null || !reusedCodes.has(a.code));
  const proposal = task.reuseProposal ?? [];
  return [
    { kind: 'title', text: OPINION_DOCUMENT_TITLE },
    {
      kind: 'fields',
      rows: [
        ['项目名称', project.name],
        ['项目代码', project.code],
        ['建设单位', project.constructionUnit],
        ['项目类型', project.projectType],
        [
          '所在行政区',
          project.districtName ? `${project.districtName}（${project.districtCode}）` : project.districtCode,
        ],
        [
          '用地面积',
          site ? `${areaText(site.areaM2)}，用地范围第 ${site.versionNo} 版` : '（项目尚无用地范围）',
        ],
        ['策划任务', `${task.title}（编号 ${task.id}）`],
        ['牵头部门', task.leadDepartment.name],
        ['征求意见部门', task.departments.map((d) => d.name).join('、')],
        ['意见截止日期', task.deadline],
        ['办结时间', task.concludedAt ? beijingTime(task.concludedAt) : '（未办结）'],
      ],
    },
    ...(siteMap
      ? [
          {
            kind: 'image' as const,
            png: siteMap,
            caption: '图 1  项目用地范围（黄色虚线）与各部门标注的范围（青色）',
            width: 'full' as const,
          },
        ]
      : []),
    { kind: 'heading', text: '一、综合意见' },
    { kind: 'paragraph', text: task.conclusion ?? '' },
    { kind: 'heading', text: '二、区域评估成果复用' },
    proposal.length > 0
      ? {
          kind: 'fields',
          rows: proposal.map((p): [string, string] => {
            const confirmedBy = task.opinions
              .filter((o) => o.reusedAssessments.some((r) => r.assessment.code === p.assessment.code))
              .map((o) => o.department.name);
            return [
              p.assessment.name,
              `${p.area.name ?? p.area.code ?? ''}${p.area.documentNo ? `（${p.area.documentNo}）` : ''}，有效期至 ${p.area.validUntil ?? '（未注明）'}；${confirmedBy.length > 0 ? `${confirmedBy.join('、')}确认复用` : '尚无部门确认复用'}`,
            ];
          }),
        }
      : { kind: 'paragraph', text: '项目用地不在有效的区域评估范围内，无可复用的区域评估成果。' },
    { kind: 'heading', text: '三、各部门意见' },
    ...task.opinions.flatMap((o, i) => opinionSection(o, i, task)),
    { kind: 'heading', text: '四、需开展的评估事项' },
    {
      kind: 'paragraph',
      text: required.length > 0 ? required.map((a) => a.name).join('、') : '无（或均可复用区域评估成果）',
    },
    { kind: 'heading', text: '五、逾期未提出意见的部门' },
    {
      kind: 'paragraph',
      text:
        task.overdueDepartments.length > 0
          ? `${task.overdueDepartments.map((d) => d.name).join('、')}（截止日期 ${task.deadline}）`
          : '无',
    },
    {
      kind: 'paragraph',
      text: `本意见书由一张蓝图系统根据策划任务 ${task.id} 的记录生成，生成时间 ${beijingTime(generatedAt.toISOString())}。`,
      emphasis: 'note',
    },
  ];
}

const info = (facts: DocumentFacts) => ({
  title: OPINION_DOCUMENT_TITLE,
  subject: `${facts.project.name} 策划任务 ${facts.task.id}`,
});

export function opinionDocumentPdf(facts: DocumentFacts, siteMap: Buffer | null): Promise<Buffer> {
  return pdfDocument(opinionDocumentBlocks(facts, siteMap, new Date()), info(facts));
}

export function opinionDocumentDocx(facts: DocumentFacts, siteMap: Buffer | null): Promise<Buffer> {
  return docxDocument(opinionDocumentBlocks(facts, siteMap, new Date()), info(facts));
}
