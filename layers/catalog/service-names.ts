// How the map services (WMS, WFS) name a layer, `ob:<code>` in our namespace, and the one rule that reads
// a requested name back to a layer code, so that both services accept and refuse the same names.
export const SERVICE_NAMESPACE_PREFIX = 'ob';
export const SERVICE_NAMESPACE_URI = 'https://one-blueprint.example/ows';

/** The name a layer is published under, e.g. ob:land_use_plan. */
export function serviceLayerName(code: string): string {
  return `${SERVICE_NAMESPACE_PREFIX}:${code}`;
}

/** {namespace}local, the expanded form some XML tools write */
const EXPANDED = /^\{([^}]*)\}(.*)$/s;
/** an XML namespace prefix: an XML-encoded request binds prefixes of its own choosing to our namespace
 * (OpenLayers writes feature:<code>), and a prefix cannot be resolved once the name is out of its document */
const PREFIXED = /^[A-Za-z_][\w.-]*:(.*)$/s;
const LOCAL_NAME = /^[^\s:{}]+$/;

/**
 * The layer code a requested service layer name stands for: `code`, `ob:code`, `prefix:code` or
 * `{https://one-blueprint.example/ows}code`, surrounding white space ignored. Null for a name of another
 * namespace or one that is not a name at all (empty, two prefixes, white space inside); whether a layer
 * has that code is for the catalog to say.
 */
export function resolveServiceLayerName(name: string): string | null {
  const trimmed = name.trim();
  const expanded = EXPANDED.exec(trimmed);
  let local = trimmed;
  if (expanded) {
    if (expanded[1] !== SERVICE_NAMESPACE_URI) return null;
    local = expanded[2] ?? '';
  } else {
    const prefixed = PREFIXED.exec(trimmed);
    if (prefixed) local = prefixed[1] ?? '';
  }
  return LOCAL_NAME.test(local) ? local : null;
}
