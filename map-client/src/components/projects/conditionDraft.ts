// The construction conditions as the opinion form edits them (text in inputs) and as the API takes them:
// a number for the kinds with a unit, a layer for a setback, the wording for the free kind.
import type { ConditionKind, OpinionConditionInput } from '../../api/planning';

export interface ConditionDraft {
  kind: string;
  value: string;
  layer: string;
  text: string;
}

export const emptyCondition = (kind: string): ConditionDraft => ({ kind, value: '', layer: '', text: '' });

/** The API's condition, or the name of the field still missing (value, layer or text). */
export function conditionInput(
  draft: ConditionDraft,
  kind: ConditionKind | undefined,
): OpinionConditionInput | { missing: 'value' | 'layer' | 'text' } {
  if (!kind) return { missing: 'text' };
  const text = draft.text.trim();
  if (kind.unit === null) return text ? { kind: kind.code, text } : { missing: 'text' };
  const value = Number(draft.value);
  if (draft.value.trim() === '' || !Number.isFinite(value)) return { missing: 'value' };
  if (kind.needsLayer && !draft.layer) return { missing: 'layer' };
  return {
    kind: kind.code,
    value,
    ...(kind.needsLayer ? { layer: draft.layer } : {}),
    ...(text ? { text } : {}),
  };
}
