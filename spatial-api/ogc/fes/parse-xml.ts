// Reads request XML (a FILTER, a POST body) into an XmlElement tree, safely: DOCTYPEs, entity declarations
// and entity references other than the five predefined ones are refused before parsing (no XXE), and
// nesting is bounded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { OgcException } from '../ogc-exception';
import { filterError } from './filter-error';
import { XML_NAMESPACE } from './namespaces';
import type { XmlElement } from './xml-element';

/** Generous for a polygon of tens of thousands of vertices; a filter is not a data upload. */
const MAX_FILTER_LENGTH = 5_000_000;
/** Element nesting the parser accepts; the operator limit (50) is checked on the filter itself. */
const MAX_XML_DEPTH = 100;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
});

type OrderedNode = Record<string, unknown>;

/** What is being read, for messages, and the exception its faults become. */
export interface XmlSubject {
  zh: string;
  en: string;
  fail(chinese: string, english: string): OgcException;
}

const FILTER: XmlSubject = { zh: '过滤条件', en: 'the FILTER', fail: filterError };

export function parseFilterXml(xml: string): XmlElement {
  return parseSafeXml(xml, FILTER);
}

/** Reads an XML document of a request (a FILTER, a POST body) into an element tree, safely. */
export function parseSafeXml(xml: string, subject: XmlSubject): XmlElement {
  const source = xml.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw subject.fail(`${subject.zh}为空`, `${subject.en} is empty`);
  if (source.length > MAX_FILTER_LENGTH) {
    throw subject.fail(
      `${subject.zh}超过${MAX_FILTER_LENGTH}个字符`,
      `${subject.en} is longer than ${MAX_FILTER_LENGTH} characters`,
    );
  }
  refuseDeclarationsAndEntities(source, subject);
  const validation = XMLValidator.validate(source);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    throw subject.fail(
      `${subject.zh}不是格式正确的XML（第${line}行第${col}列：${msg}）`,
      `${subject.en} is not well-formed XML (line ${line}, column ${col}): ${msg}`,
    );
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(source) as OrderedNode[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(message)) {
      throw subject.fail(
        `${subject.zh}的XML嵌套超过${MAX_XML_DEPTH}层`,
        `${subject.en} XML is nested deeper than ${MAX_XML_DEPTH} elements`,
      );
    }
    throw subject.fail(
      `无法解析${subject.zh}的XML：${message}`,
      `${subject.en} XML cannot be parsed: ${message}`,
    );
  }
  const roots = nodes.filter((node) => elementName(node) !== undefined);
  const strayText = nodes.some((node) => typeof node['#text'] === 'string' && node['#text'].trim() !== '');
  if (roots.length !== 1 || strayText) {
    throw subject.fail(`${subject.zh}应只有一个根元素`, `${subject.en} must have exactly one root element`);
  }
  return toElement(roots[0]!, new Map([['xml', XML_NAMESPACE]]), subject);
}

/** Refuses DTDs and entities before any parser sees them (XXE and "billion laughs"). */
function refuseDeclarationsAndEntities(source: string, subject: XmlSubject): void {
  if (/<!DOCTYPE/i.test(source)) {
    throw subject.fail(
      `${subject.zh}不得包含DOCTYPE声明`,
      `${subject.en} must not contain a DOCTYPE declaration`,
    );
  }
  if (/<!ENTITY/i.test(source)) {
    throw subject.fail(`${subject.zh}不得声明实体`, `${subject.en} must not declare entities`);
  }
  // Comments and CDATA sections may hold a bare "&"; everywhere else each "&" starts a reference.
  const markup = source.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const match of markup.matchAll(/&([^;\s<&]{0,40};?)/g)) {
    const reference = match[1] ?? '';
    if (/^(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);$/.test(reference)) continue;
    if (/^[A-Za-z_:][\w.:-]*;$/.test(reference)) {
      throw subject.fail(
        `${subject.zh}不得引用实体“&${reference}”，只允许&lt; &gt; &amp; &quot; &apos;和字符引用`,
        `${subject.en} must not reference the entity &${reference}: only &lt; &gt; &amp; &quot; &apos; and character references are allowed`,
      );
    }
    throw subject.fail(
      `${subject.zh}不是格式正确的XML：“&”须写作&amp;`,
      `${subject.en} is not well-formed XML: a bare "&" must be written &amp;`,
    );
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references (all others were refused). */
function decode(text: string, subject: XmlSubject): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (_, reference: string) => {
    if (!reference.startsWith('#')) return PREDEFINED[reference]!;
    const code = reference.startsWith('#x')
      ? parseInt(reference.slice(2), 16)
      : parseInt(reference.slice(1), 10);
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) {
      throw subject.fail(
        `${subject.zh}包含无效的字符引用“&${reference};”`,
        `${subject.en} contains an invalid character reference &${reference};`,
      );
    }
    return String.fromCodePoint(code);
  });
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

function splitName(name: string, subject: XmlSubject): [prefix: string, localName: string] {
  const parts = name.split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw subject.fail(
      `${subject.zh}中的名称“${name}”无效`,
      `${subject.en} contains the invalid name ${name}`,
    );
  }
  return parts.length === 2 ? [parts[0]!, parts[1]!] : ['', parts[0]!];
}

function toElement(
  node: OrderedNode,
  inherited: ReadonlyMap<string, string>,
  subject: XmlSubject,
): XmlElement {
  const name = elementName(node)!;
  const raw = (node[':@'] ?? {}) as Record<string, string>;
  const scope = new Map(inherited);
  const attributes = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'xmlns') scope.set('', decode(value, subject));
    else if (key.startsWith('xmlns:')) scope.set(key.slice('xmlns:'.length), decode(value, subject));
    else attributes.set(splitName(key, subject)[1], decode(value, subject));
  }
  const [prefix, localName] = splitName(name, subject);
  const namespace = scope.get(prefix);
  if (prefix !== '' && !namespace) {
    throw subject.fail(
      `${subject.zh}中的前缀“${prefix}”未声明命名空间`,
      `${subject.en} uses the prefix ${prefix} without declaring its namespace`,
    );
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] ?? []) as OrderedNode[]) {
    if (typeof child['#text'] === 'string') text += decode(child['#text'], subject);
    else if (Array.isArray(child['#cdata'])) {
      text += (child['#cdata'] as OrderedNode[]).map((part) => String(part['#text'] ?? '')).join('');
    } else if (elementName(child) !== undefined) children.push(toElement(child, scope, subject));
  }
  return { namespace: namespace ?? '', localName, name, attributes, children, text };
}
