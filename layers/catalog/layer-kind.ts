// Whether a layer is imagery drawn from raster files or a vector layer of features. Its geometry type
// decides, as it decides where an import puts the data (a raster file, or features): a layer of the
// imagery kind may hold vector features too, such as the footprints of the scenes.
import type { LayerSummary } from './layer-catalog';

export function isRasterLayer(layer: Pick<LayerSummary, 'geometryType'>): boolean {
  return layer.geometryType === 'Raster';
}
