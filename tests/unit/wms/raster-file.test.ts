// Imagery files are read only from the raster folder: a catalog path elsewhere (or a GDAL virtual path)
// is refused rather than handed to gdalwarp.
import { OgcException } from '../../../spatial-api/ogc/ogc-exception';
import { rasterFile } from '../../../spatial-api/ogc/wms/render/raster-window';

describe('imagery file paths', () => {
  it('accepts a file inside the raster folder, absolute or relative', () => {
    expect(rasterFile('/data/rasters', '/data/rasters/imagery_2024-v1.tif')).toBe(
      '/data/rasters/imagery_2024-v1.tif',
    );
    expect(rasterFile('/data/rasters/', 'imagery_2024-v1.tif')).toBe('/data/rasters/imagery_2024-v1.tif');
  });

  it.each(['/etc/passwd', '../secret.tif', '/data/rasters-old/a.tif', '/vsicurl/http://example.test/a.tif'])(
    'refuses %s',
    (file) => {
      expect(() => rasterFile('/data/rasters', file)).toThrow(OgcException);
    },
  );
});
