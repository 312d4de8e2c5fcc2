// A feature as a source yields it to the pipeline: the layer's FeatureInput, except that its geometry
// may be missing (a GeoJSON "geometry": null, a Shapefile null shape, a KML placemark without geometry,
// or one GDAL could not convert), and that it may say where it was in the source's own coordinates.
import type { Geometry } from 'geojson';
import type { FeatureInput } from '../../layers';
import type { Extent } from '../crs/coordinate-ranges';

export interface SourceProblem {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export interface SourceFeature extends Omit<FeatureInput, 'geometry'> {
  geometry: Geometry | null;
  /** why the source could not read this feature's geometry (a boundary-coordinate parcel whose ring is
   * broken); the feature is rejected with it */
  problem?: SourceProblem;
  source?: {
    /** the extent in the source's coordinates, null when the source has no geometry for it */
    extent: Extent | null;
    /** whether those coordinates fit the CRS decided for the file */
    fitsCrs: boolean;
  };
}
