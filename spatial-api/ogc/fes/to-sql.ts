// Walks a FES 2.0 filter and writes it as one boolean SQL expression over `f`: logical operators here,
// the rest by kind (comparison, spatial, ResourceId). The size of the tree is bounded on the way.
import { COMPARISON_OPERATORS, comparisonSql } from './comparison';
import type { FilterContext, FilterSql } from './filter-context';
import { filterError } from './filter-error';
import { isFesNamespace } from './namespaces';
import { SqlParameters } from './parameters';
import { parseFilterXml } from './parse-xml';
import { RESOURCE_ID_OPERATORS, resourceIdSql } from './resource-id';
import { SPATIAL_OPERATORS, spatialSql } from './spatial';
import type { XmlElement } from './xml-element';

export const MAX_NESTING = 50;
export const MAX_OPERATORS = 1000;

const TEMPORAL_OPERATORS = new Set([
  'After',
  'Before',
  'Begins',
  'BegunBy',
  'TContains',
  'During',
  'EndedBy',
  'Ends',
  'TEquals',
  'Meets',
  'MetBy',
  'TOverlaps',
  'OverlappedBy',
  'AnyInteracts',
]);

export function filterToSql(xml: string, context: FilterContext): FilterSql {
  const root = parseFilterXml(xml);
  const parameters = new SqlParameters(context.firstParameter);
  const writer = new FilterWriter(context, parameters);
  const isFilter = isFesNamespace(root.namespace) && root.localName === 'Filter';
  const sql = writer.filter(isFilter ? root.children : [root]);
  return { sql, values: parameters.values };
}

class FilterWriter {
  private operators = 0;

  constructor(
    private readonly context: FilterContext,
    private readonly parameters: SqlParameters,
  ) {}

  /** A Filter holds one operator, or one or more ResourceIds (FES 2.0, 7.2). */
  filter(predicates: XmlElement[]): string {
    if (predicates.length === 0) throw filterError('过滤条件中没有运算符', 'the FILTER contains no operator');
    if (predicates.length > 1 && predicates.every((p) => this.isResourceId(p))) {
      this.count(predicates.length);
      return resourceIdSql(predicates, this.parameters);
    }
    if (predicates.length > 1) {
      throw filterError(
        `Filter只能包含一个运算符（可用And或Or组合），而不是${predicates.length}个`,
        `a Filter holds one operator (combine several with And or Or), not ${predicates.length}`,
      );
    }
    return this.operator(predicates[0]!, 1);
  }

  private operator(element: XmlElement, depth: number): string {
    if (depth > MAX_NESTING) {
      throw filterError(
        `过滤条件的嵌套超过${MAX_NESTING}层`,
        `the FILTER is nested deeper than ${MAX_NESTING} operators`,
      );
    }
    this.count(1);
    const name = element.localName;
    if (!isFesNamespace(element.namespace)) throw unknownOperator(element);
    if (name === 'And' || name === 'Or') {
      if (element.children.length === 0) {
        throw filterError(`${name}至少需要一个运算对象`, `${name} needs at least one operand`);
      }
      const operands = element.children.map((child) => this.operator(child, depth + 1));
      return operands.length === 1 ? operands[0]! : `(${operands.join(` ${name.toUpperCase()} `)})`;
    }
    if (name === 'Not') {
      if (element.children.length !== 1) {
        throw filterError(
          `Not应有一个运算对象，而不是${element.children.length}个`,
          `Not takes one operand, not ${element.children.length}`,
        );
      }
      return `NOT (${this.operator(element.children[0]!, depth + 1)})`;
    }
    if (COMPARISON_OPERATORS.has(name)) return comparisonSql(element, this.context, this.parameters);
    if (SPATIAL_OPERATORS.has(name)) return spatialSql(element, this.context, this.parameters);
    if (RESOURCE_ID_OPERATORS.has(name)) return resourceIdSql([element], this.parameters);
    if (TEMPORAL_OPERATORS.has(name)) {
      throw filterError(
        `不支持时间运算符“${element.name}”`,
        `temporal operators such as ${element.name} are not supported`,
      );
    }
    throw unknownOperator(element);
  }

  private isResourceId(element: XmlElement): boolean {
    return isFesNamespace(element.namespace) && RESOURCE_ID_OPERATORS.has(element.localName);
  }

  private count(operators: number): void {
    this.operators += operators;
    if (this.operators > MAX_OPERATORS) {
      throw filterError(
        `过滤条件的运算符超过${MAX_OPERATORS}个`,
        `the FILTER has more than ${MAX_OPERATORS} operators`,
      );
    }
  }
}

function unknownOperator(element: XmlElement) {
  return filterError(
    `未知或不支持的过滤运算符“${element.name}”`,
    `unknown or unsupported filter operator ${element.name}`,
  );
}
