// Layer kinds of DESIGN.md with their Chinese and English names (data in kinds.json).
import kinds from './kinds.json';

export type LayerKind =
  | 'admin_division'
  | 'imagery'
  | 'plan'
  | 'control_line'
  | 'regional_assessment'
  | 'project_site'
  | 'reference';

export interface LayerKindInfo {
  kind: LayerKind;
  name: string;
  nameEn: string;
}

export const LAYER_KINDS = kinds as LayerKindInfo[];

export function kindInfo(kind: string): LayerKindInfo | undefined {
  return LAYER_KINDS.find((k) => k.kind === kind);
}
