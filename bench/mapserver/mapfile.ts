// A MapServer 8 mapfile over the same PostGIS data our server reads: one LAYER per vector layer (its
// current version), CLASSes generated from the layer's GeoStyler style, WMS GetMap and WFS GetFeature
// (GeoJSON through OGR) enabled, plus the MapServer 8 config file that allows the mapfile.
import type { LayerSummary } from '../../layers';
import { SESSION_OPTIONS } from '../../spatial-api';

export interface MapfileOptions {
  mapfile: string;
  databaseUrl: string;
  layers: LayerSummary[];
  /** minx, miny, maxx, maxy in EPSG:4490 */
  extent: [number, number, number, number];
  onlineResource: string;
}

interface Symbolizer {
  kind?: string;
  color?: string;
  fillOpacity?: number;
  opacity?: number;
  outlineColor?: string;
  outlineWidth?: number;
  outlineOpacity?: number;
  outlineDasharray?: number[];
  width?: number;
  dasharray?: number[];
  radius?: number;
  strokeColor?: string;
  strokeWidth?: number;
}

interface Rule {
  name?: string;
  filter?: unknown[];
  symbolizers?: Symbolizer[];
}

const quote = (s: string): string => `"${s.replace(/"/g, '\\"')}"`;

function pgConnection(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return [
    `host=${u.hostname}`,
    `port=${u.port || '5432'}`,
    `dbname=${u.pathname.slice(1)}`,
    `user=${decodeURIComponent(u.username)}`,
    `password=${decodeURIComponent(u.password)}`,
    // the same session settings as our pool (libpq conninfo quoting)
    `options='${SESSION_OPTIONS}'`,
  ].join(' ');
}

/** The properties a filter compares, and the MapServer expression for it (only == / != / && / || here). */
function expression(filter: unknown[], used: Set<string>): string {
  const [op, ...args] = filter;
  if (op === '&&' || op === '||') {
    const parts = args.map((a) => `(${expression(a as unknown[], used)})`);
    return parts.join(op === '&&' ? ' AND ' : ' OR ');
  }
  if (op === '==' || op === '!=') {
    const [property, value] = args as [string, string | number];
    used.add(property);
    return typeof value === 'number'
      ? `[${property}] ${op === '==' ? '=' : '!='} ${value}`
      : `"[${property}]" ${op === '==' ? '=' : '!='} ${quote(String(value))}`;
  }
  throw new Error(`filter operator ${String(op)} is not translated to a mapfile expression`);
}

function styleBlocks(s: Symbolizer): string[] {
  const pct = (o: number | undefined) => Math.round((o ?? 1) * 100);
  const dash = (d: number[] | undefined) => (d && d.length > 0 ? `      PATTERN ${d.join(' ')} END\n` : '');
  if (s.kind === 'Fill') {
    const blocks = [
      `    STYLE\n      COLOR ${quote(s.color ?? '#808080')}\n      OPACITY ${pct(s.fillOpacity ?? s.opacity)}\n    END`,
    ];
    if (s.outlineColor && (s.outlineWidth ?? 1) > 0) {
      blocks.push(
        `    STYLE\n      OUTLINECOLOR ${quote(s.outlineColor)}\n      WIDTH ${s.outlineWidth ?? 1}\n      OPACITY ${pct(s.outlineOpacity)}\n${dash(s.outlineDasharray)}    END`,
      );
    }
    return blocks;
  }
  if (s.kind === 'Line') {
    return [
      `    STYLE\n      COLOR ${quote(s.color ?? '#000000')}\n      WIDTH ${s.width ?? 1}\n      OPACITY ${pct(s.opacity)}\n${dash(s.dasharray)}    END`,
    ];
  }
  if (s.kind === 'Mark') {
    return [
      `    STYLE\n      SYMBOL "circle"\n      SIZE ${(s.radius ?? 4) * 2}\n      COLOR ${quote(s.color ?? '#808080')}\n      OUTLINECOLOR ${quote(s.strokeColor ?? s.color ?? '#000000')}\n      WIDTH ${s.strokeWidth ?? 1}\n    END`,
    ];
  }
  return [];
}

function layerType(geometryType: string): string | undefined {
  if (/polygon/i.test(geometryType)) return 'POLYGON';
  if (/line/i.test(geometryType)) return 'LINE';
  if (/point/i.test(geometryType)) return 'POINT';
  return undefined;
}

function layerBlock(layer: LayerSummary, connection: string, extent: string): string | undefined {
  const type = layerType(layer.geometryType);
  if (!type) return undefined;
  const rules = ((layer.style as { rules?: Rule[] } | null)?.rules ?? []).filter((r) => r.symbolizers);
  const used = new Set<string>();
  const classes = rules.map((rule) => {
    const expr = rule.filter ? `    EXPRESSION (${expression(rule.filter, used)})\n` : '';
    const styles = (rule.symbolizers ?? []).flatMap(styleBlocks).join('\n');
    return `  CLASS\n    NAME ${quote(rule.name ?? layer.code)}\n${expr}${styles}\n  END`;
  });
  if (classes.length === 0) {
    classes.push('  CLASS\n    STYLE\n      COLOR "#808080"\n      OUTLINECOLOR "#404040"\n    END\n  END');
  }
  const columns = [...used].map((p) => `f.properties->>'${p.replace(/'/g, "''")}' AS ${p}`);
  const select = ['f.id', 'f.geom', ...columns].join(', ');
  const data =
    `geom FROM (SELECT ${select} FROM layer_features f JOIN layers l ON l.current_version_id = f.layer_version_id ` +
    `WHERE l.code = '${layer.code}') AS t USING UNIQUE id USING SRID=4490`;
  return `LAYER
  NAME ${quote(layer.code)}
  TYPE ${type}
  STATUS ON
  CONNECTIONTYPE POSTGIS
  CONNECTION ${quote(connection)}
  DATA ${quote(data)}
  PROCESSING "CLOSE_CONNECTION=DEFER"
  PROJECTION
    "init=epsg:4490"
  END
  EXTENT ${extent}
  METADATA
    "wms_title" ${quote(layer.name)}
    "wfs_title" ${quote(layer.name)}
    "wms_srs" "EPSG:4490 EPSG:3857 EPSG:4326"
    "wfs_srs" "EPSG:4490"
    "gml_include_items" "all"
    "gml_featureid" "id"
    "wms_enable_request" "*"
    "wfs_enable_request" "*"
  END
${classes.join('\n')}
END`;
}

export function mapfile(options: MapfileOptions): string {
  const connection = pgConnection(options.databaseUrl);
  const extent = options.extent.join(' ');
  const layers = options.layers
    .map((l) => layerBlock(l, connection, extent))
    .filter((b): b is string => b !== undefined);
  return `MAP
NAME "ob"
EXTENT ${extent}
UNITS DD
SIZE 256 256
MAXSIZE 4096
IMAGETYPE "png"
PROJECTION
  "init=epsg:4490"
END
OUTPUTFORMAT
  NAME "png"
  DRIVER "AGG/PNG"
  MIMETYPE "image/png"
  IMAGEMODE RGBA
  TRANSPARENT ON
  EXTENSION "png"
END
OUTPUTFORMAT
  NAME "geojson"
  DRIVER "OGR/GEOJSON"
  MIMETYPE "application/json; subtype=geojson"
  FORMATOPTION "STORAGE=stream"
  FORMATOPTION "FORM=SIMPLE"
  FORMATOPTION "LCO:RFC7946=NO"
END
SYMBOL
  NAME "circle"
  TYPE ELLIPSE
  FILLED TRUE
  POINTS 1 1 END
END
WEB
  METADATA
    "ows_title" "One Blueprint (MapServer peer)"
    "ows_onlineresource" ${quote(options.onlineResource)}
    "wms_srs" "EPSG:4490 EPSG:3857 EPSG:4326"
    "wfs_srs" "EPSG:4490"
    "wms_enable_request" "*"
    "wfs_enable_request" "*"
    "wfs_getfeature_formatlist" "geojson"
    "wfs_maxfeatures" "1000000"
  END
END
${layers.join('\n')}
END
`;
}

/** MapServer 8's config file: the mapfile is reachable as map=OB, and by its path. */
export function mapserverConfig(mapfilePath: string): string {
  const dir = mapfilePath.slice(0, mapfilePath.lastIndexOf('/'));
  const pattern = `^${dir.replace(/[.*+?^${}()|]/g, '[$&]')}/[^/]+[.]map$`;
  return `CONFIG
  ENV
    MS_MAP_PATTERN ${quote(pattern)}
  END
  MAPS
    "OB" ${quote(mapfilePath)}
  END
END
`;
}
