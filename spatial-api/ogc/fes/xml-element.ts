// A filter's XML as a small namespace-resolved tree: each element knows its namespace URI and local
// name, so `fes:And`, `<And xmlns="…fes/2.0">` and `<f:And xmlns:f="…fes/2.0">` read the same.

export interface XmlElement {
  /** the namespace URI, or '' for an unqualified element */
  namespace: string;
  localName: string;
  /** the name as written, for messages */
  name: string;
  /** attributes by local name (namespace declarations excluded), values decoded */
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** the character data directly inside the element, decoded, CDATA included */
  text: string;
}

/** The first of the named attributes that is present. */
export function attributeOf(element: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = element.attributes.get(name);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The children with one of the given local names (the namespace is checked by the caller). */
export function childrenNamed(element: XmlElement, ...localNames: string[]): XmlElement[] {
  return element.children.filter((child) => localNames.includes(child.localName));
}
