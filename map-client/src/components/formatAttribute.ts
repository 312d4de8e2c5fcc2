// How one attribute reads in the feature card: its schema label with the unit, numbers in the user's
// locale, booleans as words.
import type { AttributeDefinition } from '../api/types';
import type { Locale } from '../i18n/messages';

export interface AttributeRow {
  name: string;
  label: string;
  value: string;
}

const EMPTY = '—';

export function formatValue(
  value: unknown,
  definition: AttributeDefinition | undefined,
  locale: Locale,
  words: { yes: string; no: string },
): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  const numeric =
    typeof value === 'number'
      ? value
      : definition &&
          (definition.type === 'number' || definition.type === 'integer') &&
          typeof value === 'string'
        ? Number(value)
        : NaN;
  return Number.isFinite(numeric)
    ? numeric.toLocaleString(locale, { maximumFractionDigits: definition?.type === 'integer' ? 0 : 4 })
    : String(value);
}

export function formatLabel(definition: AttributeDefinition, locale: Locale): string {
  const label = definition.label || definition.name;
  if (!definition.unit || label.includes(definition.unit)) return label;
  return locale === 'zh-CN' ? `${label}（${definition.unit}）` : `${label} (${definition.unit})`;
}

/** The rows to show: the schema's attributes in schema order, or every property when there is no schema. */
export function attributeRows(
  properties: Record<string, unknown>,
  schema: AttributeDefinition[],
  locale: Locale,
  words: { yes: string; no: string },
): AttributeRow[] {
  if (schema.length === 0) {
    return Object.entries(properties).map(([name, value]) => ({
      name,
      label: name,
      value: formatValue(value, undefined, locale, words),
    }));
  }
  return schema
    .filter((definition) => definition.name in properties)
    .map((definition) => ({
      name: definition.name,
      label: formatLabel(definition, locale),
      value: formatValue(properties[definition.name], definition, locale, words),
    }));
}
