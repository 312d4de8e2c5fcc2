// The coordinate reference systems the platform accepts, as proj4 definitions: one list, shared by the
// server (reprojection) and the client (served at /api/v1/crs). CGCS2000 and its Gauss-Krüger zones are
// not built into proj4js or OpenLayers, so every one of them is defined here.

export interface CrsDefinition {
  code: string;
  name: string;
  proj4: string;
}

const CGCS2000 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs +type=crs';
const XIAN1980 = '+a=6378140 +rf=298.257 +units=m +no_defs +type=crs';
const BEIJING1954 = '+ellps=krass +towgs84=15.8,-154.4,-82.3,0,0,0,0 +units=m +no_defs +type=crs';

interface ZoneFamily {
  firstCode: number;
  datum: string;
  datumName: string;
  widthDeg: 3 | 6;
  /** central meridians, in the order of the EPSG codes */
  centralMeridians: number[];
  /** zone number put in front of the easting (e.g. 29500000 in zone 29), or none */
  prefixed: boolean;
}

const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

const THREE_DEGREE_CMS = range(75, 135, 3); // zones 25..45
const SIX_DEGREE_CMS = range(75, 135, 6); // zones 13..23

const FAMILIES: ZoneFamily[] = [
  {
    firstCode: 4513,
    datum: CGCS2000,
    datumName: 'CGCS2000',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: true,
  },
  {
    firstCode: 4534,
    datum: CGCS2000,
    datumName: 'CGCS2000',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: false,
  },
  {
    firstCode: 4491,
    datum: CGCS2000,
    datumName: 'CGCS2000',
    widthDeg: 6,
    centralMeridians: SIX_DEGREE_CMS,
    prefixed: true,
  },
  {
    firstCode: 4502,
    datum: CGCS2000,
    datumName: 'CGCS2000',
    widthDeg: 6,
    centralMeridians: SIX_DEGREE_CMS,
    prefixed: false,
  },
  {
    firstCode: 2349,
    datum: XIAN1980,
    datumName: 'Xian 1980',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: true,
  },
  {
    firstCode: 2370,
    datum: XIAN1980,
    datumName: 'Xian 1980',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: false,
  },
  {
    firstCode: 2401,
    datum: BEIJING1954,
    datumName: 'Beijing 1954',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: true,
  },
  {
    firstCode: 2422,
    datum: BEIJING1954,
    datumName: 'Beijing 1954',
    widthDeg: 3,
    centralMeridians: THREE_DEGREE_CMS,
    prefixed: false,
  },
];

function zoneDefinitions(family: ZoneFamily): CrsDefinition[] {
  return family.centralMeridians.map((cm, i) => {
    const zone = family.widthDeg === 3 ? cm / 3 : (cm + 3) / 6;
    const falseEasting = family.prefixed ? zone * 1_000_000 + 500_000 : 500_000;
    const label = family.prefixed
      ? `${family.widthDeg}-degree GK zone ${zone}`
      : `${family.widthDeg}-degree GK CM ${cm}E`;
    return {
      code: `EPSG:${family.firstCode + i}`,
      name: `${family.datumName} / ${label}`,
      proj4: `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${falseEasting} +y_0=0 ${family.datum}`,
    };
  });
}

export const CRS_DEFINITIONS: CrsDefinition[] = [
  {
    code: 'EPSG:4490',
    name: 'China Geodetic Coordinate System 2000',
    proj4: `+proj=longlat ${CGCS2000.replace(' +units=m', '')}`,
  },
  { code: 'EPSG:4326', name: 'WGS 84', proj4: '+proj=longlat +datum=WGS84 +no_defs +type=crs' },
  {
    code: 'EPSG:3857',
    name: 'WGS 84 / Pseudo-Mercator',
    proj4:
      '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs +type=crs',
  },
  { code: 'EPSG:4610', name: 'Xian 1980', proj4: `+proj=longlat ${XIAN1980.replace(' +units=m', '')}` },
  { code: 'EPSG:4214', name: 'Beijing 1954', proj4: `+proj=longlat ${BEIJING1954.replace(' +units=m', '')}` },
  ...FAMILIES.flatMap(zoneDefinitions),
];

export function crsDefinition(code: string): CrsDefinition | undefined {
  const normalised = code.toUpperCase().replace(/^URN:OGC:DEF:CRS:EPSG:[0-9.]*:/, 'EPSG:');
  return CRS_DEFINITIONS.find((d) => d.code === normalised);
}
