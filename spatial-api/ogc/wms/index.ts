// The built-in WMS 1.3.0: GetCapabilities, GetMap, GetFeatureInfo and GetLegendGraphic over the layer
// catalog, as one service for the OGC router (/ows?SERVICE=WMS and /wms).
import type { Pool } from 'pg';
import type { ChildProcessPool } from '../../child-process-pool';
import type { WmsLimits } from '../../config';
import type { RenderPool } from '../../render-workers/render-pool';
import type { OgcService } from '../ows-router';
import { getCapabilities } from './get-capabilities';
import { getFeatureInfo } from './get-feature-info';
import { getLegendGraphic } from './get-legend-graphic';
import { getMap } from './get-map';

export interface WmsOptions {
  /** the folder imagery files live in; raster paths outside it are refused */
  rasterDir: string;
  /** the gdalwarp children imagery is warped in, shared with the image tiles */
  processes: ChildProcessPool;
  /** the threads maps are painted and encoded on, shared with the image tiles */
  renders: RenderPool;
  limits: WmsLimits;
}

export function wmsService(pool: Pool, options: WmsOptions): OgcService {
  return {
    name: 'WMS',
    versions: ['1.3.0'],
    operations: {
      GetCapabilities: getCapabilities(pool, options.limits),
      GetMap: getMap(pool, options),
      GetFeatureInfo: getFeatureInfo(pool, options.limits),
      GetLegendGraphic: getLegendGraphic(pool),
    },
  };
}
