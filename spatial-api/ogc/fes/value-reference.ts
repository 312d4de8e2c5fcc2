// Resolves a ValueReference (`name`, `ob:name`, `ob:land_use_plan/ob:name`) to the geometry or an
// attribute, and writes an attribute as SQL: its name bound, its jsonb text cast to its type.
import type { FilterContext, FilterProperty } from './filter-context';
import { filterError } from './filter-error';
import type { SqlParameters } from './parameters';
import type { XmlElement } from './xml-element';

export type PropertyTarget = { kind: 'geometry' } | { kind: 'attribute'; property: FilterProperty };

const STEP = /^(?:[\p{L}_][\p{L}\p{N}_.-]*:)?([\p{L}_][\p{L}\p{N}_.-]*)$/u;

function localPart(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function resolveValueReference(element: XmlElement, context: FilterContext): PropertyTarget {
  const path = element.text.trim();
  const steps = path.split('/');
  const names = steps.map((step) => STEP.exec(step)?.[1]);
  const name = names.length <= 2 && names.every((n) => n !== undefined) ? names[names.length - 1] : undefined;
  if (name !== undefined && name === localPart(context.geometryName)) return { kind: 'geometry' };
  const property = context.properties.find((p) => p.name === name);
  if (property) return { kind: 'attribute', property };
  const known = [...context.properties.map((p) => p.name), localPart(context.geometryName)].join(', ');
  throw filterError(
    `未知的属性“${path}”，可用的属性有：${known}`,
    `unknown property ${path}: the feature type has ${known}`,
  );
}

/** The attribute's value in its type: numbers as numeric, dates as date, booleans as boolean. */
export function attributeSql(property: FilterProperty, parameters: SqlParameters): string {
  const value = `f.properties->>${parameters.add(property.name)}`;
  switch (property.type) {
    case 'string':
      return value;
    case 'integer':
    case 'number':
      return `NULLIF(${value}, '')::numeric`;
    case 'date':
      return `NULLIF(${value}, '')::date`;
    case 'boolean':
      return `NULLIF(${value}, '')::boolean`;
  }
}

/** The attribute's value as text, whatever its type (for PropertyIsLike). */
export function attributeTextSql(property: FilterProperty, parameters: SqlParameters): string {
  return `f.properties->>${parameters.add(property.name)}`;
}
