// Importers' public face: the file import pipeline, the boundary-coordinate text export, the sample city,
// and the GDAL helpers.
export { importFile } from './import-file';
export type { ImportFileOptions } from './import-file';
export { ImportError } from './import-error';
export { readPolygons } from './read-polygons';
export type { FilePolygons, ReadPolygonsOptions } from './read-polygons';
export { exportBoundaryText } from './formats/boundary-export';
export type { BoundaryExport, BoundaryExportOptions } from './formats/boundary-export';
export { importFeatures, ImportRejected, requireLayer } from './pipeline/import-features';
export type { ImportFeaturesOptions, ImportPhase, ImportResult } from './pipeline/import-features';
export { csvCell } from './formats/csv-cell';
export { emptyReport, reportToCsv } from './pipeline/validation-report';
export type { ValidationIssue, ValidationReport } from './pipeline/validation-report';
export { DEFAULT_SEED, generateSampleCity, loadSampleCity } from './sample-city';
export type {
  LoadOptions,
  SampleCity,
  SampleCityOptions,
  SampleLayer,
  SampleProjectLonLat,
} from './sample-city';
export { rasterInfo, writeCloudOptimizedGeoTiff } from './gdal/cloud-optimized-geotiff';
export { GdalError, runGdal } from './gdal/run-gdal';
export { GDAL_DRIVERS, gdalEnvironment } from './gdal/gdal-environment';
