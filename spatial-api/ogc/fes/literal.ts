// A Literal bound as a value of the attribute type it is compared with. Numbers, dates and booleans
// are checked here, so a bad literal is the client's error and never a database error.
import type { FilterProperty } from './filter-context';
import { filterError } from './filter-error';
import type { SqlParameters } from './parameters';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const BOOLEANS: Record<string, string> = { true: 'true', false: 'false', '1': 'true', '0': 'false' };

export function literalSql(text: string, property: FilterProperty, parameters: SqlParameters): string {
  switch (property.type) {
    case 'string':
      return `${parameters.add(text)}::text`;
    case 'integer':
    case 'number': {
      const value = text.trim();
      if (!NUMBER.test(value)) {
        throw filterError(
          `属性${property.name}是数值，“${text}”不是数值`,
          `the property ${property.name} is numeric and "${text}" is not a number`,
        );
      }
      return `${parameters.add(value)}::numeric`;
    }
    case 'date': {
      const match = DATE.exec(text.trim());
      const [year, month, day] = (match?.slice(1, 4) ?? []).map(Number) as [number, number, number];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (
        !match ||
        date.getUTCFullYear() !== year ||
        date.getUTCMonth() !== month - 1 ||
        date.getUTCDate() !== day
      ) {
        throw filterError(
          `属性${property.name}是日期，“${text}”不是YYYY-MM-DD格式的日期`,
          `the property ${property.name} is a date and "${text}" is not a date (YYYY-MM-DD)`,
        );
      }
      return `${parameters.add(text.trim().slice(0, 10))}::date`;
    }
    case 'boolean': {
      const value = BOOLEANS[text.trim().toLowerCase()];
      if (value === undefined) {
        throw filterError(
          `属性${property.name}是布尔值，“${text}”应为true或false`,
          `the property ${property.name} is boolean and "${text}" must be true or false`,
        );
      }
      return `${parameters.add(value)}::boolean`;
    }
  }
}
