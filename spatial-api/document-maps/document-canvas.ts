// The canvas of a map printed in a document (a compliance report, a planning opinion): the frame's size, on
// the documents' paper tone, encoded as an opaque PNG that the PDF and DOCX writers embed as it is.
import type { MapFrame } from '../ogc/wms/render/feature-query';
import type { CanvasSpec } from '../render-workers/messages';

export function documentCanvas(frame: MapFrame): CanvasSpec {
  return {
    width: frame.width,
    height: frame.height,
    background: [245, 245, 240, 1],
    format: { mime: 'image/png', encoder: 'png', alpha: false },
  };
}
