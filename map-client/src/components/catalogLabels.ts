// How catalog values read in the UI: kind names (the server's Chinese name, or the catalogue's English)
// and geometry types; values the client does not know are shown as the server sent them.
import { GEOMETRY_TYPES, LAYER_KINDS, type GeometryType, type LayerKind } from '../api/types';
import type { I18n } from '../i18n/I18nProvider';
import { kindMessageKey } from '../i18n/messages';

export function isLayerKind(kind: string): kind is LayerKind {
  return (LAYER_KINDS as readonly string[]).includes(kind);
}

export function isGeometryType(type: string): type is GeometryType {
  return (GEOMETRY_TYPES as readonly string[]).includes(type);
}

export function kindLabel(kind: string, kindName: string | undefined, { t, locale }: I18n): string {
  if (locale === 'zh-CN' && kindName) return kindName;
  return isLayerKind(kind) ? t(kindMessageKey(kind)) : kindName || kind;
}

export function geometryLabel(type: string, { t }: I18n): string {
  return isGeometryType(type) ? t(`geometry.${type}`) : type;
}
