// Comparison operators (FES 2.0, 7.7): the binary comparisons, PropertyIsLike, PropertyIsBetween and
// PropertyIsNull/PropertyIsNil, each over an attribute compared in its own type.
import type { FilterContext, FilterProperty } from './filter-context';
import { filterError } from './filter-error';
import { likePattern, SQL_LIKE_ESCAPE } from './like-pattern';
import { literalSql } from './literal';
import { isFesNamespace } from './namespaces';
import type { SqlParameters } from './parameters';
import { attributeSql, attributeTextSql, resolveValueReference } from './value-reference';
import { attributeOf, type XmlElement } from './xml-element';

const BINARY: Record<string, string> = {
  PropertyIsEqualTo: '=',
  PropertyIsNotEqualTo: '<>',
  PropertyIsLessThan: '<',
  PropertyIsGreaterThan: '>',
  PropertyIsLessThanOrEqualTo: '<=',
  PropertyIsGreaterThanOrEqualTo: '>=',
};

/** The operator seen from the other side, for `Literal op ValueReference`. */
const MIRRORED: Record<string, string> = { '=': '=', '<>': '<>', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

export const COMPARISON_OPERATORS = new Set([
  ...Object.keys(BINARY),
  'PropertyIsLike',
  'PropertyIsBetween',
  'PropertyIsNull',
  'PropertyIsNil',
]);

type Operand =
  { kind: 'attribute'; property: FilterProperty } | { kind: 'geometry' } | { kind: 'literal'; text: string };

export function comparisonSql(
  element: XmlElement,
  context: FilterContext,
  parameters: SqlParameters,
): string {
  const operator = element.localName;
  if (Object.hasOwn(BINARY, operator)) return binarySql(element, BINARY[operator]!, context, parameters);
  if (operator === 'PropertyIsLike') return likeSql(element, context, parameters);
  if (operator === 'PropertyIsBetween') return betweenSql(element, context, parameters);
  return nullSql(element, context, parameters);
}

function binarySql(
  element: XmlElement,
  sqlOperator: string,
  context: FilterContext,
  parameters: SqlParameters,
): string {
  const operands = expressionsOf(element, 2).map((e) => readOperand(e, context, element));
  let [left, right] = operands as [Operand, Operand];
  let operator = sqlOperator;
  if (left.kind !== 'attribute' && right.kind === 'attribute') {
    [left, right] = [right, left];
    operator = MIRRORED[operator]!;
  }
  if (left.kind !== 'attribute') throw needsAttribute(element);
  const leftSql = attributeSql(left.property, parameters);
  const rightSql = operandSql(right, left.property, element, parameters);
  const ignoreCase = left.property.type === 'string' && !matchCase(element);
  return ignoreCase
    ? `lower(${leftSql}) ${operator} lower(${rightSql})`
    : `${leftSql} ${operator} ${rightSql}`;
}

function likeSql(element: XmlElement, context: FilterContext, parameters: SqlParameters): string {
  const [subject, pattern] = expressionsOf(element, 2).map((e) => readOperand(e, context, element)) as [
    Operand,
    Operand,
  ];
  if (subject.kind !== 'attribute') throw needsAttribute(element);
  if (pattern.kind !== 'literal') {
    throw filterError(
      'PropertyIsLike的第二个表达式应为Literal',
      'the second expression of PropertyIsLike must be a Literal',
    );
  }
  const sqlPattern = likePattern(pattern.text, {
    wildCard: attributeOf(element, 'wildCard') ?? '*',
    singleChar: attributeOf(element, 'singleChar') ?? '.',
    escapeChar: attributeOf(element, 'escapeChar', 'escape') ?? '!',
  });
  const operator = matchCase(element) ? 'LIKE' : 'ILIKE';
  return `${attributeTextSql(subject.property, parameters)} ${operator} ${parameters.add(sqlPattern)}::text ESCAPE '${SQL_LIKE_ESCAPE}'`;
}

function betweenSql(element: XmlElement, context: FilterContext, parameters: SqlParameters): string {
  const children = element.children;
  const boundary = (name: string) => {
    const found = children.filter((c) => c.localName === name && isFesNamespace(c.namespace));
    if (found.length !== 1) {
      throw filterError(`PropertyIsBetween应有一个${name}`, `PropertyIsBetween must have one ${name}`);
    }
    return readOperand(expressionsOf(found[0]!, 1)[0]!, context, element);
  };
  const expressions = children.filter(
    (c) => c.localName !== 'LowerBoundary' && c.localName !== 'UpperBoundary',
  );
  if (expressions.length !== 1) {
    throw filterError(
      'PropertyIsBetween应有一个被比较的表达式',
      'PropertyIsBetween must have one expression to compare',
    );
  }
  const subject = readOperand(expressions[0]!, context, element);
  if (subject.kind !== 'attribute') throw needsAttribute(element);
  const lower = boundary('LowerBoundary');
  const upper = boundary('UpperBoundary');
  const subjectSql = attributeSql(subject.property, parameters);
  const lowerSql = operandSql(lower, subject.property, element, parameters);
  const upperSql = operandSql(upper, subject.property, element, parameters);
  return `(${subjectSql} BETWEEN ${lowerSql} AND ${upperSql})`;
}

function nullSql(element: XmlElement, context: FilterContext, parameters: SqlParameters): string {
  const subject = readOperand(expressionsOf(element, 1)[0]!, context, element);
  if (subject.kind === 'geometry') return 'f.geom IS NULL';
  if (subject.kind !== 'attribute') throw needsAttribute(element);
  return `${attributeSql(subject.property, parameters)} IS NULL`;
}

/** The right-hand side of a comparison with an attribute: a literal of its type, or a comparable attribute. */
function operandSql(
  operand: Operand,
  property: FilterProperty,
  element: XmlElement,
  parameters: SqlParameters,
): string {
  if (operand.kind === 'literal') return literalSql(operand.text, property, parameters);
  if (operand.kind === 'geometry') throw geometryNotComparable(element);
  if (family(operand.property) !== family(property)) {
    throw filterError(
      `${element.localName}不能比较不同类型的属性${property.name}（${property.type}）和${operand.property.name}（${operand.property.type}）`,
      `${element.localName} cannot compare ${property.name} (${property.type}) with ${operand.property.name} (${operand.property.type})`,
    );
  }
  return attributeSql(operand.property, parameters);
}

function family(property: FilterProperty): string {
  return property.type === 'integer' ? 'number' : property.type;
}

function expressionsOf(element: XmlElement, count: number): XmlElement[] {
  const expressions = element.children;
  if (expressions.length !== count) {
    throw filterError(
      `${element.localName}应有${count}个表达式，而不是${expressions.length}个`,
      `${element.localName} must have ${count} expression${count > 1 ? 's' : ''}, not ${expressions.length}`,
    );
  }
  return expressions;
}

function readOperand(expression: XmlElement, context: FilterContext, operator: XmlElement): Operand {
  const name = expression.localName;
  if (isFesNamespace(expression.namespace) && (name === 'ValueReference' || name === 'PropertyName')) {
    const target = resolveValueReference(expression, context);
    if (target.kind === 'geometry') {
      if (operator.localName === 'PropertyIsNull' || operator.localName === 'PropertyIsNil') return target;
      throw geometryNotComparable(operator);
    }
    return target;
  }
  if (isFesNamespace(expression.namespace) && name === 'Literal') {
    if (expression.children.length > 0) {
      throw filterError(
        `${operator.localName}中的Literal应为文本值`,
        `the Literal in ${operator.localName} must be a plain value`,
      );
    }
    return { kind: 'literal', text: expression.text };
  }
  if (isFesNamespace(expression.namespace) && name === 'Function') {
    throw filterError(
      `不支持过滤函数“${attributeOf(expression, 'name') ?? ''}”`,
      `filter functions are not supported (${attributeOf(expression, 'name') ?? 'unnamed'})`,
    );
  }
  throw filterError(
    `${operator.localName}中的“${expression.name}”不是表达式，应为ValueReference或Literal`,
    `${expression.name} in ${operator.localName} is not an expression: use ValueReference or Literal`,
  );
}

function matchCase(element: XmlElement): boolean {
  const value = attributeOf(element, 'matchCase')?.trim();
  return value !== 'false' && value !== '0';
}

function needsAttribute(element: XmlElement) {
  return filterError(
    `${element.localName}应引用一个属性（ValueReference）`,
    `${element.localName} must refer to a property (ValueReference)`,
  );
}

function geometryNotComparable(element: XmlElement) {
  return filterError(
    `${element.localName}不能用于几何属性，请使用空间运算符`,
    `${element.localName} does not apply to the geometry: use a spatial operator`,
  );
}
