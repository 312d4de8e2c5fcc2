// Streams the features of a vector source through ogr2ogr, reprojected to EPSG:4490. Every feature comes
// out, in file order: one without geometry, or whose geometry cannot be converted (-skipfailures writes it
// without), with a null geometry, for the checks to report by its number.
import type { SourceFeature } from '../pipeline/source-feature';
import { ogrGeoJsonFeatures, type OgrSelection } from './ogr-geojson-stream';

export interface ReadOptions extends OgrSelection {
  /** source CRS (EPSG code or WKT) */
  sourceCrs: string;
}

export async function* readVectorFeatures(path: string, options: ReadOptions): AsyncGenerator<SourceFeature> {
  const reprojected = ogrGeoJsonFeatures(
    path,
    options,
    ['-s_srs', options.sourceCrs, '-t_srs', 'EPSG:4490', '-skipfailures', '-lco', 'COORDINATE_PRECISION=9'],
    'GDAL读取或转换失败 / GDAL could not read or transform the file',
  );
  for await (const feature of reprojected) {
    yield { properties: (feature.properties ?? {}) as Record<string, unknown>, geometry: feature.geometry };
  }
}
