// Small-scale vector tiles leave out lines and polygons under half a display pixel, and dense layers are
// drawn from PNG tiles where that happens.
import {
  DENSE_LAYER_FEATURES,
  GENERALISE_BELOW_ZOOM,
  imageTilesBelowZoom,
  minimumFeatureSize,
} from '../../spatial-api/tiles/tile-generalisation';

describe('tile generalisation', () => {
  it('asks for half a pixel of a 256-pixel tile below zoom 13, nothing from 13 on', () => {
    expect(minimumFeatureSize(0)).toBeCloseTo(360 / 256 / 2, 12);
    expect(minimumFeatureSize(10)).toBeCloseTo(360 / 1024 / 256 / 2, 12);
    expect(minimumFeatureSize(12)! * 2).toBeCloseTo(minimumFeatureSize(11)!, 12);
    expect(minimumFeatureSize(GENERALISE_BELOW_ZOOM)).toBeUndefined();
    expect(minimumFeatureSize(18)).toBeUndefined();
  });

  it('draws dense polygon and line layers from images below zoom 13', () => {
    const dense = DENSE_LAYER_FEATURES + 1;
    expect(imageTilesBelowZoom({ featureCount: dense, geometryType: 'MultiPolygon' })).toBe(13);
    expect(imageTilesBelowZoom({ featureCount: dense, geometryType: 'LineString' })).toBe(13);
    expect(imageTilesBelowZoom({ featureCount: dense, geometryType: 'Point' })).toBeNull();
    expect(imageTilesBelowZoom({ featureCount: DENSE_LAYER_FEATURES, geometryType: 'Polygon' })).toBeNull();
    expect(imageTilesBelowZoom({ featureCount: dense, geometryType: 'Raster' })).toBeNull();
  });
});
