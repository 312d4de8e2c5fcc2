// Reads a site file chosen by the user: GeoJSON and 国土TXT in the browser (no upload), everything else
// (zipped Shapefile, DXF, KML, GeoPackage …) through the server's site-file reader, which answers the site
// in EPSG:4490. Either way the site goes onto the map for editing, and the outcome is said in a message.
import { useCallback, useRef, useState } from 'react';
import proj4 from 'proj4';
import type { MultiPolygon, Polygon } from 'geojson';
import { uploadSiteFile } from '../../api/complianceSiteFiles';
import { decodeSiteText, parseSiteText, toCgcs2000 } from '../../compliance/site-file/readSiteFile';
import { SiteFileError } from '../../compliance/site-file/siteFileError';
import { useI18n } from '../../i18n/I18nProvider';
import { CGCS2000 } from '../../map/registerProjections';
import { describeError } from '../describeError';

/** the formats the browser reads itself */
const READ_IN_BROWSER = /\.(geo)?json$|\.txt$/i;

export type SiteFileState =
  | { status: 'idle' }
  | { status: 'reading'; name: string }
  | { status: 'read'; text: string; /** the server's ellipsoidal area of an uploaded file */ areaM2?: number }
  | { status: 'error'; text: string; retry: () => void };

export function useSiteFile(
  setSite: (geometry: Polygon | MultiPolygon) => void,
  srs: string,
): { state: SiteFileState; read: (file: File) => void } {
  const { t } = useI18n();
  const [state, setState] = useState<SiteFileState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const read = useCallback(
    (file: File) => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      const fail = (message: string) =>
        setState({ status: 'error', text: t('compliance.fileError', { message }), retry: () => read(file) });
      if (READ_IN_BROWSER.test(file.name)) {
        void (async () => {
          try {
            const parsed = parseSiteText(file.name, decodeSiteText(await file.arrayBuffer()));
            const geometry = toCgcs2000(parsed, (crs, position) => {
              if (!proj4.defs(crs)) throw new SiteFileError(`不支持的坐标系 ${crs} / unsupported CRS ${crs}`);
              return proj4(crs, CGCS2000, position);
            });
            setSite(geometry);
            setState({ status: 'read', text: t('compliance.fileLoaded', { name: file.name }) });
          } catch (error) {
            fail(error instanceof Error ? error.message : String(error));
          }
        })();
        return;
      }
      setState({ status: 'reading', name: file.name });
      uploadSiteFile(file, { srs, signal: own.signal }).then(
        (site) => {
          if (own.signal.aborted) return;
          setSite(site.geometry);
          setState({
            status: 'read',
            text: t('compliance.fileUploaded', {
              name: site.fileName,
              format: site.format ?? '',
              crs: site.crs.code,
              count: site.polygonCount,
            }),
            areaM2: site.areaM2,
          });
        },
        (error: unknown) => {
          if (!own.signal.aborted) fail(describeError(error).message);
        },
      );
    },
    [setSite, srs, t],
  );

  return { state, read };
}
