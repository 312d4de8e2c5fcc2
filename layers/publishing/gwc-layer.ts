// The GeoWebCache tile layer of a published layer, as the XML the GWC REST API takes
// (PUT/POST /gwc/rest/layers/<workspace>:<layer>.xml, root element GeoServerLayer; see GeoServer's
// "GeoWebCache REST API > Layers"). Tiles in the two grid sets every GeoServer defines, EPSG:4326 (lon/lat,
// fits CGCS2000 to within centimetres) and EPSG:900913 (web mercator); GWC takes each grid subset's extent
// from the layer's bounding box.
export interface TileLayerOptions {
  /** image formats to cache; vector tiles need GeoServer's vector-tiles extension */
  formats: readonly string[];
  gridSets: readonly string[];
  /** metatiling factor: tiles rendered together, so labels and symbols cross tile borders cleanly */
  metaTiles: number;
  /** pixels rendered beyond each metatile and cut off */
  gutterPx: number;
}

export const DEFAULT_TILE_LAYER: TileLayerOptions = {
  formats: ['image/png', 'image/jpeg'],
  gridSets: ['EPSG:4326', 'EPSG:900913'],
  metaTiles: 4,
  gutterPx: 0,
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function tileLayerXml(qualifiedName: string, options: TileLayerOptions = DEFAULT_TILE_LAYER): string {
  const strings = (values: readonly string[]) =>
    values.map((v) => `    <string>${escapeXml(v)}</string>`).join('\n');
  const gridSubsets = options.gridSets
    .map((g) => `    <gridSubset>\n      <gridSetName>${escapeXml(g)}</gridSetName>\n    </gridSubset>`)
    .join('\n');
  return [
    '<GeoServerLayer>',
    '  <enabled>true</enabled>',
    `  <name>${escapeXml(qualifiedName)}</name>`,
    '  <mimeFormats>',
    strings(options.formats),
    '  </mimeFormats>',
    '  <gridSubsets>',
    gridSubsets,
    '  </gridSubsets>',
    '  <metaWidthHeight>',
    `    <int>${options.metaTiles}</int>`,
    `    <int>${options.metaTiles}</int>`,
    '  </metaWidthHeight>',
    '  <expireCache>0</expireCache>',
    '  <expireClients>0</expireClients>',
    '  <parameterFilters>',
    '    <styleParameterFilter>',
    '      <key>STYLES</key>',
    '      <defaultValue></defaultValue>',
    '    </styleParameterFilter>',
    '  </parameterFilters>',
    `  <gutter>${options.gutterPx}</gutter>`,
    '</GeoServerLayer>',
    '',
  ].join('\n');
}

/** Body of POST /gwc/rest/masstruncate that drops every cached tile of the layer. */
export function truncateLayerXml(qualifiedName: string): string {
  return `<truncateLayer><layerName>${escapeXml(qualifiedName)}</layerName></truncateLayer>`;
}
