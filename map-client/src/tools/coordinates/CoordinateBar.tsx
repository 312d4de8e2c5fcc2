// The status bar under the workbench map: the numeric scale 1:N at the view centre, and the position of
// the mouse pointer in CGCS2000 lon/lat (decimal degrees and 度分秒) and in the city's 3° Gauss-Krüger
// zone (X northing, Y easting with the zone number), beside OpenLayers' scale line.
import { useEffect } from 'react';
import type OlMap from 'ol/Map.js';
import MousePosition from 'ol/control/MousePosition.js';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDms } from './formatDms';
import { toGaussKruger } from './gaussKruger';
import { scaleDenominator } from './scaleDenominator';
import { useCursorLonLat } from './useCursorLonLat';
import { useMapScale } from './useMapScale';

/**
 * This bar says everything the map's plain lon/lat readout says and more: the readout (added by MapView
 * once the CRS list is known) is taken off the workbench map so the position is not shown twice.
 */
function useWithoutPlainReadout(map: OlMap | null): void {
  useEffect(() => {
    if (!map) return;
    const controls = map.getControls();
    const drop = () => {
      for (const control of controls.getArray().slice())
        if (control instanceof MousePosition) map.removeControl(control);
    };
    drop();
    controls.on('add', drop);
    return () => controls.un('add', drop);
  }, [map]);
}

export function CoordinateBar({ map }: { map: OlMap | null }) {
  const { t, locale } = useI18n();
  const metresPerPixel = useMapScale(map);
  const lonLat = useCursorLonLat(map);
  useWithoutPlainReadout(map);
  const plane = lonLat ? toGaussKruger(lonLat[0], lonLat[1]) : null;
  const metres = (value: number) =>
    value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

  return (
    <div className="ob-tools-statusbar" data-testid="coordinate-bar">
      {metresPerPixel !== null && (
        <span data-testid="map-scale" data-denominator={scaleDenominator(metresPerPixel)}>
          {t('tools.scale', { n: scaleDenominator(metresPerPixel).toLocaleString(locale) })}
        </span>
      )}
      {lonLat ? (
        <>
          <span data-testid="cursor-lonlat" data-lon={lonLat[0]} data-lat={lonLat[1]}>
            {t('tools.lonLat', { lon: lonLat[0].toFixed(6), lat: lonLat[1].toFixed(6) })}
          </span>
          <span data-testid="cursor-dms">
            {formatDms(lonLat[0], 'E', 'W')} {formatDms(lonLat[1], 'N', 'S')}
          </span>
          {plane && (
            <span data-testid="cursor-gk" data-zone={plane.zone} data-x={plane.x} data-y={plane.y}>
              {t('tools.gaussKruger', {
                zone: plane.zone,
                code: plane.code,
                x: metres(plane.x),
                y: metres(plane.y),
              })}
            </span>
          )}
        </>
      ) : (
        <span className="ob-tools-muted">{t('tools.pointerHint')}</span>
      )}
    </div>
  );
}
