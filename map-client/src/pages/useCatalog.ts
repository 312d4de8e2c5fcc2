// Loads what the map page needs before it can draw: the CRS definitions (registered with proj4 and
// OpenLayers) and the layer catalog. A missing CRS list is a warning; a missing catalog is an error. The
// catalog lists the layers the caller may read, so it is loaded again when the session changes (`who`).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, fetchCrsDefinitions } from '../api/client';
import { fetchLayers } from '../api/layers';
import type { LayerSummary } from '../api/types';
import { registerProjections } from '../map/registerProjections';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'error'; path: string; message: string; httpStatus: number | null }
  | { status: 'ready'; layers: LayerSummary[]; crsWarning: string | null };

function describe(error: unknown): { path: string; message: string; httpStatus: number | null } {
  if (error instanceof ApiError)
    return { path: error.path, message: error.message, httpStatus: error.status };
  return {
    path: '/api/v1',
    message: error instanceof Error ? error.message : String(error),
    httpStatus: null,
  };
}

/** `who` names the session (null while it is still loading: nothing is fetched yet). */
export function useCatalog(who: string | null): { catalog: CatalogState; retry: () => void } {
  const [catalog, setCatalog] = useState<CatalogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (who === null) return;
    const controller = new AbortController();
    const load = async () => {
      const [crs, layers] = await Promise.allSettled([
        fetchCrsDefinitions(controller.signal),
        fetchLayers(controller.signal),
      ]);
      if (controller.signal.aborted) return;
      let crsWarning: string | null = null;
      try {
        registerProjections(crs.status === 'fulfilled' ? crs.value : []);
        if (crs.status === 'rejected') crsWarning = describe(crs.reason).message;
      } catch (error) {
        crsWarning = describe(error).message;
      }
      if (layers.status === 'rejected') {
        setCatalog({ status: 'error', ...describe(layers.reason) });
      } else {
        setCatalog({ status: 'ready', layers: layers.value, crsWarning });
      }
    };
    void load();
    return () => controller.abort();
  }, [attempt, who]);

  const retry = useCallback(() => {
    setCatalog({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { catalog, retry };
}
