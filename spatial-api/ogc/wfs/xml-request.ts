// WFS 2.0 requests in the XML encoding (HTTP POST; the encoding OpenLayers' WFS format and many desktop
// clients write): GetCapabilities, DescribeFeatureType and GetFeature with one Query, read into the same
// key-value parameters as a GET, so that one code path checks and answers both. The Query's Filter is
// written back as a FILTER document, each element carrying its namespace.
import { childrenNamed, parseSafeXml, type XmlElement, type XmlSubject } from '../fes';
import { Kvp } from '../kvp';
import { OgcException } from '../ogc-exception';
import { xmlEscape } from '../xml';

const BODY: XmlSubject = {
  zh: '请求正文',
  en: 'the request body',
  fail: (chinese, english) =>
    new OgcException('OperationParsingFailed', 'request', `${chinese} / ${english}`),
};

/** GetFeature attributes and the KVP parameters they become (WFS 2.0, 7.6.5 and 11.2.4). */
const GET_FEATURE_ATTRIBUTES: Record<string, string> = {
  outputFormat: 'OUTPUTFORMAT',
  count: 'COUNT',
  maxFeatures: 'MAXFEATURES',
  startIndex: 'STARTINDEX',
  resultType: 'RESULTTYPE',
};

function writeXml(element: XmlElement, parentNamespace: string | undefined): string {
  const namespace = element.namespace !== parentNamespace ? ` xmlns="${xmlEscape(element.namespace)}"` : '';
  const attributes = [...element.attributes]
    .map(([name, value]) => ` ${name}="${xmlEscape(value)}"`)
    .join('');
  const children = element.children.map((child) => writeXml(child, element.namespace)).join('');
  return `<${element.localName}${namespace}${attributes}>${xmlEscape(element.text)}${children}</${element.localName}>`;
}

const texts = (elements: XmlElement[]): string[] =>
  elements.map((e) => e.text.trim()).filter((t) => t !== '');

function queryParameters(root: XmlElement, params: Record<string, string>): void {
  for (const [attribute, parameter] of Object.entries(GET_FEATURE_ATTRIBUTES)) {
    const value = root.attributes.get(attribute);
    if (value !== undefined) params[parameter] = value;
  }
  const queries = childrenNamed(root, 'Query');
  if (queries.length !== 1) {
    throw new OgcException(
      'InvalidParameterValue',
      'Query',
      `每次请求一个Query（收到${queries.length}个） / one Query per request (${queries.length} given)`,
    );
  }
  const query = queries[0]!;
  const typeNames = query.attributes.get('typeNames') ?? query.attributes.get('typeName');
  if (typeNames !== undefined) params.TYPENAMES = typeNames;
  const srsName = query.attributes.get('srsName');
  if (srsName !== undefined) params.SRSNAME = srsName;
  const propertyNames = texts(childrenNamed(query, 'PropertyName'));
  if (propertyNames.length > 0) params.PROPERTYNAME = propertyNames.join(',');
  const filter = childrenNamed(query, 'Filter')[0];
  if (filter) params.FILTER = writeXml(filter, undefined);
  const sortBy = childrenNamed(query, 'SortBy')[0];
  if (sortBy) {
    params.SORTBY = childrenNamed(sortBy, 'SortProperty')
      .map((p) => {
        const name = texts(childrenNamed(p, 'ValueReference', 'PropertyName'))[0] ?? '';
        const order = texts(childrenNamed(p, 'SortOrder'))[0] ?? 'ASC';
        return `${name} ${order}`;
      })
      .join(',');
  }
}

/** The parameters of an XML-encoded WFS request, as if it had come as a GET. */
export function kvpFromXmlRequest(body: string): Kvp {
  const root = parseSafeXml(body, BODY);
  const params: Record<string, string> = {
    SERVICE: root.attributes.get('service') ?? 'WFS',
    REQUEST: root.localName,
  };
  const version = root.attributes.get('version');
  if (version !== undefined) params.VERSION = version;
  if (root.localName === 'GetCapabilities') {
    const accepted = childrenNamed(root, 'AcceptVersions')[0];
    if (accepted) params.ACCEPTVERSIONS = texts(childrenNamed(accepted, 'Version')).join(',');
  } else if (root.localName === 'DescribeFeatureType') {
    params.TYPENAMES = texts(childrenNamed(root, 'TypeName')).join(',');
    const outputFormat = root.attributes.get('outputFormat');
    if (outputFormat !== undefined) params.OUTPUTFORMAT = outputFormat;
  } else if (root.localName === 'GetFeature') {
    queryParameters(root, params);
  }
  return new Kvp(params);
}
