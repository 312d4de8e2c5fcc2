// The namespaces a filter's elements may be in. Unqualified elements (no prefix, no default namespace)
// are accepted as well, as many clients write them; FES 1.1 (ogc) elements are read like FES 2.0.
export const FES_20 = 'http://www.opengis.net/fes/2.0';
export const FES_11 = 'http://www.opengis.net/ogc';
export const GML_32 = 'http://www.opengis.net/gml/3.2';
export const GML_311 = 'http://www.opengis.net/gml';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const FES_NAMESPACES = new Set(['', FES_20, FES_11]);
const GML_NAMESPACES = new Set(['', GML_32, GML_311]);

export function isFesNamespace(namespace: string): boolean {
  return FES_NAMESPACES.has(namespace);
}

export function isGmlNamespace(namespace: string): boolean {
  return GML_NAMESPACES.has(namespace);
}
