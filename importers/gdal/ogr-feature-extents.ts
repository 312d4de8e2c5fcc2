// The extent of every feature of a vector source in its own coordinates, in file order (null for a
// feature without geometry), read through ogr2ogr without reprojection in constant memory per feature:
// the evidence the CRS is decided from, and the numbering every later check and the report keep to.
import { geometrySummary, type Extent } from '../crs/coordinate-ranges';
import { tooManyVertices } from '../pipeline/check-geometry';
import { ogrGeoJsonFeatures, type OgrSelection } from './ogr-geojson-stream';

export interface ExtentOptions extends OgrSelection {
  /** a feature with more vertices stops the reading (it would stop the import anyway) */
  maxVertices: number;
  /** stops the reading (a server shutting down interrupts its imports) */
  signal?: AbortSignal;
}

export async function readFeatureExtents(
  path: string,
  options: ExtentOptions,
  onProgress: (read: number) => void = () => undefined,
): Promise<(Extent | null)[]> {
  const extents: (Extent | null)[] = [];
  const features = ogrGeoJsonFeatures(path, options, [], 'GDAL无法读取该文件 / GDAL could not read the file');
  for await (const feature of features) {
    options.signal?.throwIfAborted();
    const { extent, vertices } = geometrySummary(feature.geometry);
    if (vertices > options.maxVertices)
      throw tooManyVertices(extents.length + 1, vertices, options.maxVertices);
    extents.push(extent);
    if (extents.length % 2000 === 0) onProgress(extents.length);
  }
  return extents;
}
