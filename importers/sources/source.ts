// What an opened source is: a vector dataset GDAL reads, features already parsed (boundary-coordinate
// text), or a raster. Each knows how to remove the temporary files it made.
import type { GdalAccess } from '../gdal/ogr-inspect';
import type { SourceFeature } from '../pipeline/source-feature';
import type { ValidationReport } from '../pipeline/validation-report';

interface SourceBase {
  /** a short format name for the report, e.g. "ESRI Shapefile" */
  format: string;
  encoding: ValidationReport['source']['encoding'];
  cleanup(): Promise<void>;
}

export interface VectorSource extends SourceBase {
  kind: 'vector';
  path: string;
  access: GdalAccess;
  /** the source declares a CRS of its own (a .prj, a GeoPackage's SRS, a GeoJSON "crs" member) */
  declarationPresent: boolean;
  /** GDAL reports a CRS the file does not really declare (GeoJSON without "crs" is read as WGS 84) */
  ignoreGdalCrs: boolean;
  /** only these geometry kinds, for sources that mix drawing entities (DXF) */
  where?: string;
}

export interface ParsedSource extends SourceBase {
  kind: 'parsed';
  crs: { code: string; note: string };
  /** in file order; a feature the source could not read has no geometry and says why */
  features: SourceFeature[];
  areaChecks: NonNullable<ValidationReport['source']['areaChecks']>;
}

export interface RasterSource extends SourceBase {
  kind: 'raster';
  path: string;
}

export type OpenedSource = VectorSource | ParsedSource | RasterSource;
