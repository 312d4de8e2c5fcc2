// The page's "fully drawn" signal for the systems that embed it and for tests (seed Art. 11: all content
// loaded and shown within 5 s of the request): document.body.dataset.blueprintReady becomes "true" once
// every map image of the first view has loaded, OpenLayers has rendered them (rendercomplete) and the
// panel is filled; "error" when something failed. blueprintReadyMs holds the time since the navigation
// began, as the browser counts it.
import { useEffect } from 'react';

export type DrawnState = 'loading' | 'ready' | 'error';

export function useDrawnSignal(state: DrawnState): void {
  useEffect(() => {
    const { dataset } = document.body;
    if (state === 'loading') {
      delete dataset.blueprintReady;
      return;
    }
    dataset.blueprintReady = state === 'ready' ? 'true' : 'error';
    if (state === 'ready') dataset.blueprintReadyMs = String(Math.round(performance.now()));
  }, [state]);
}
