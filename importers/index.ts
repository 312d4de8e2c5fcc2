// Importers' public face. For now: the sample city (generator and loader) and the GDAL helpers.
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
