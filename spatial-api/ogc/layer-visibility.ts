// Which catalog layers the caller of an OGC request may see, as the access check left it for the request.
// Without that check only public layers are seen.
import type { Response } from 'express';
import type { LayerSummary } from '../../layers';

export type LayerVisibility = (layer: Pick<LayerSummary, 'code' | 'public' | 'districtCode'>) => boolean;

const publicOnly: LayerVisibility = (layer) => layer.public;

export function visibleTo(res: Response): LayerVisibility {
  return (res.locals.layerVisible as LayerVisibility | undefined) ?? publicOnly;
}

export function setVisibility(res: Response, visible: LayerVisibility): void {
  res.locals.layerVisible = visible;
}
