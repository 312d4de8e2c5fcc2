// A layer's GeoStyler style as an SLD document for GeoServer. SLD 1.0.0 (StyledLayerDescriptor with
// sld:/ogc: elements) is the version GeoServer reads most completely; 1.1.0 goes through Symbology Encoding.
import type { Style } from 'geostyler-style';

export class SldConversionError extends Error {
  override name = 'SldConversionError';
}

const SYMBOLIZER_KINDS = new Set(['Fill', 'Line', 'Mark', 'Icon', 'Text', 'Raster']);
const COMPARISONS = new Set(['==', '*=', '!=', '<', '<=', '>', '>=']);
const COMBINATIONS = new Set(['&&', '||']);

/** Why the filter cannot be written, or undefined when it can (geostyler-style's filter grammar). */
function filterProblem(filter: unknown): string | undefined {
  if (!Array.isArray(filter) || filter.length === 0) return `not a filter: ${JSON.stringify(filter)}`;
  const [operator, ...args] = filter as unknown[];
  if (typeof operator === 'string' && COMPARISONS.has(operator)) {
    return args.length === 2 ? undefined : `${operator} takes a property and a value`;
  }
  if (operator === '<=x<=') {
    return args.length === 3 ? undefined : '<=x<= takes a property, a lower and an upper bound';
  }
  if (typeof operator === 'string' && COMBINATIONS.has(operator)) {
    if (args.length < 2) return `${operator} combines at least two filters`;
    return args.map(filterProblem).find((p) => p !== undefined);
  }
  if (operator === '!') return args.length === 1 ? filterProblem(args[0]) : '! negates one filter';
  return `unknown filter operator ${JSON.stringify(operator)}`;
}

/**
 * What the parser would silently drop (an unknown symbolizer, a malformed filter) and GeoServer then
 * render wrongly or refuse, as one message per rule.
 */
function styleProblems(style: Style): string[] {
  if (!Array.isArray(style.rules) || style.rules.length === 0) return ['the style has no rules'];
  const problems: string[] = [];
  style.rules.forEach((rule, i) => {
    const label = `rule ${i + 1} "${rule?.name ?? ''}"`;
    const symbolizers: unknown[] = Array.isArray(rule?.symbolizers) ? rule.symbolizers : [];
    if (symbolizers.length === 0) problems.push(`${label} has no symbolizer`);
    for (const symbolizer of symbolizers) {
      const kind = (symbolizer as { kind?: unknown } | null)?.kind;
      if (typeof kind !== 'string' || !SYMBOLIZER_KINDS.has(kind)) {
        problems.push(`${label} has a symbolizer of unknown kind ${JSON.stringify(kind)}`);
      }
    }
    if (rule?.filter !== undefined) {
      const problem = filterProblem(rule.filter);
      if (problem) problems.push(`${label}: ${problem}`);
    }
  });
  return problems;
}

/**
 * The parser writes each rule's name as its <Name> only; GeoServer's legends and capabilities read the
 * <Title>, so every rule gets its name (already XML-escaped) as Title too, where SLD 1.0.0 puts it:
 * right after Name.
 */
function addRuleTitles(sld: string): string {
  return sld.replace(/(<Rule>(\s*)<Name>([^<]*)<\/Name>)/g, '$1$2<Title>$3</Title>');
}

/** Converts the style to SLD 1.0.0; throws SldConversionError when it cannot be converted faithfully. */
export async function styleToSld(style: Style): Promise<string> {
  const name = typeof style?.name === 'string' && style.name !== '' ? style.name : '(unnamed)';
  const fail = (why: string) =>
    new SldConversionError(`样式“${name}”无法转换为SLD / style "${name}" cannot be converted to SLD: ${why}`);
  if (style === null || typeof style !== 'object') throw fail('not a GeoStyler style');
  const problems = styleProblems(style);
  if (problems.length > 0) throw fail(problems.join('; '));

  // geostyler-sld-parser is an ES module: loaded on first use, so that importing `layers` stays cheap and
  // works where ES modules cannot be required (jest on Node 20).
  const { SldStyleParser } = await import('geostyler-sld-parser');
  const parser = new SldStyleParser({ sldVersion: '1.0.0', builderOptions: { format: true } });
  const result = await parser.writeStyle(style).catch((error: unknown) => ({
    errors: [error],
    output: undefined,
  }));
  const errors = (result.errors ?? []).map((e: unknown) => (e instanceof Error ? e.message : String(e)));
  if (errors.length > 0) throw fail(errors.join('; '));
  if (typeof result.output !== 'string' || result.output === '')
    throw fail('the parser returned no document');
  return addRuleTitles(result.output);
}
