// The page's layers as map images drawn by the server (WMS GetMap in Web Mercator), one image for up to
// ten layers in their order: one request paints what would otherwise be some two hundred tiles, which
// keeps the first view well inside the seed's 5 s. Imagery gets an image of its own (JPEG at the bottom,
// where nothing lies below it to show through). Every request carries the page's credential.
import ImageLayer from 'ol/layer/Image.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import type { BlueprintLayer } from './blueprintData';
import { imageGroups, isRaster } from './imageGroups';

export function createImageLayers(
  layers: readonly BlueprintLayer[],
  credential: Record<string, string>,
): ImageLayer<ImageWMS>[] {
  return imageGroups(layers).map((group, index) => {
    const opaque = index === 0 && isRaster(group[0]!);
    return new ImageLayer({
      source: new ImageWMS({
        url: '/wms',
        params: {
          VERSION: '1.3.0',
          LAYERS: group.map((layer) => `ob:${layer.code}`).join(','),
          STYLES: '',
          FORMAT: opaque ? 'image/jpeg' : 'image/png',
          TRANSPARENT: !opaque,
          ...credential,
        },
        // exactly the view: a larger image costs more to draw than a pan saves
        ratio: 1,
      }),
      properties: { layerCodes: group.map((layer) => layer.code) },
    });
  });
}
