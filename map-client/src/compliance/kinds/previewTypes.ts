// What a rule kind of the preview is given (the site and the loaded features of its layers) and what it
// answers: the same figures as the server's result, computed in the browser.
import type { BBox, Geometry } from 'geojson';
import type { LocalPlane } from '../localDistance';
import type { Polygonal } from '../polygonOps';
import type { AttributeFilter } from '../ruleSet';

export interface LayerFeature {
  /** the feature's key (feature_key), as the server's conflicting features name it */
  key: string;
  layer: string;
  properties: Record<string, unknown>;
  geometry: Geometry;
  box: BBox;
}

export interface PreviewContext {
  site: Polygonal;
  siteBox: BBox;
  siteAreaM2: number;
  plane: LocalPlane;
  /** the loaded features of the layers that match the filter */
  featuresOf: (layers: string[], filter: AttributeFilter | undefined) => LayerFeature[];
  projectType: string | null;
  /** the day of the check (YYYY-MM-DD), for validity dates */
  checkedOn: string;
}

export interface PreviewFeature {
  key: string;
  layer: string;
  attributes: Record<string, unknown>;
  areaM2?: number;
  distanceM?: number;
}

export interface PreviewOutcome {
  passed: boolean;
  areaM2: number | null;
  ratio: number | null;
  distanceM: number | null;
  features: PreviewFeature[];
  conflict: Polygonal | null;
  details: Record<string, unknown>;
}
