// The rule kinds the form knows, with the fields of each kind's params and their defaults for a new rule
// or a kind changed in the form. The server's zod schema stays the authority: what the form lets through and
// the schema refuses comes back as an error beside the field.
import type { MessageKey } from '../../../i18n/messages';

export type ParamField =
  | { key: string; type: 'number'; label: MessageKey; step?: string }
  | { key: string; type: 'text'; label: MessageKey }
  /** project type → land-use codes, one type a line: `industrial: 1001, 1002` */
  | { key: string; type: 'matrix'; label: MessageKey };

export interface KindForm {
  kind: string;
  label: MessageKey;
  fields: ParamField[];
  defaults: Record<string, unknown>;
}

const tolerance: ParamField = { key: 'toleranceM2', type: 'number', label: 'admin.rules.toleranceM2' };

export const KIND_FORMS: readonly KindForm[] = [
  {
    kind: 'must_not_intersect',
    label: 'admin.rules.kind.must_not_intersect',
    fields: [tolerance],
    defaults: { toleranceM2: 0 },
  },
  {
    kind: 'must_be_within',
    label: 'admin.rules.kind.must_be_within',
    fields: [tolerance],
    defaults: { toleranceM2: 0 },
  },
  {
    kind: 'land_use_compatibility',
    label: 'admin.rules.kind.land_use_compatibility',
    fields: [
      { key: 'codeAttribute', type: 'text', label: 'admin.rules.codeAttribute' },
      tolerance,
      { key: 'matrix', type: 'matrix', label: 'admin.rules.matrix' },
    ],
    defaults: { codeAttribute: 'land_use_code', toleranceM2: 0, matrix: {} },
  },
  {
    kind: 'min_distance',
    label: 'admin.rules.kind.min_distance',
    fields: [{ key: 'distanceM', type: 'number', label: 'admin.rules.distanceM' }],
    defaults: { distanceM: 50 },
  },
  {
    kind: 'max_overlap_ratio',
    label: 'admin.rules.kind.max_overlap_ratio',
    fields: [{ key: 'maxRatio', type: 'number', label: 'admin.rules.maxRatio', step: '0.01' }],
    defaults: { maxRatio: 0.1 },
  },
  {
    kind: 'within_regional_assessment',
    label: 'admin.rules.kind.within_regional_assessment',
    fields: [{ key: 'assessmentsAttribute', type: 'text', label: 'admin.rules.assessmentsAttribute' }],
    defaults: { assessmentsAttribute: 'assessments' },
  },
  {
    kind: 'jurisdiction',
    label: 'admin.rules.kind.jurisdiction',
    fields: [
      { key: 'nameAttribute', type: 'text', label: 'admin.rules.nameAttribute' },
      { key: 'codeAttribute', type: 'text', label: 'admin.rules.codeAttribute' },
    ],
    defaults: { nameAttribute: 'name', codeAttribute: 'admin_code' },
  },
];

export function kindForm(kind: unknown): KindForm | undefined {
  return KIND_FORMS.find((form) => form.kind === kind);
}

/** The matrix as lines `type: code, code`, and back; an unreadable line is kept as a key with no codes. */
export function matrixText(matrix: unknown): string {
  if (typeof matrix !== 'object' || matrix === null) return '';
  return Object.entries(matrix as Record<string, unknown>)
    .map(([type, codes]) => `${type}: ${Array.isArray(codes) ? codes.join(', ') : ''}`)
    .join('\n');
}

export function parseMatrix(text: string): Record<string, string[]> {
  const matrix: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [type = '', codes = ''] = line.split(/[:：]/, 2);
    matrix[type.trim()] = codes
      .split(/[\s,，、]+/)
      .map((code) => code.trim())
      .filter(Boolean);
  }
  return matrix;
}
