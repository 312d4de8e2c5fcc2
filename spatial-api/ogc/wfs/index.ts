// WFS 2.0 (basic, KVP): GetCapabilities, DescribeFeatureType, GetFeature.
import type { Pool } from 'pg';
import type { OgcService } from '../ows-router';
import { describeFeatureType } from './describe-feature-type';
import { getCapabilities } from './get-capabilities';
import { getFeature } from './get-feature';

/** The most features one GetFeature returns (COUNT above it is refused); larger results are paged. */
export const MAX_FEATURES_PER_REQUEST = 1_000_000;

export function wfsService(pool: Pool): OgcService {
  return {
    name: 'WFS',
    versions: ['2.0.0', '2.0.2'],
    operations: {
      GetCapabilities: getCapabilities(pool, MAX_FEATURES_PER_REQUEST),
      DescribeFeatureType: describeFeatureType(pool),
      GetFeature: getFeature(pool, MAX_FEATURES_PER_REQUEST),
    },
  };
}
