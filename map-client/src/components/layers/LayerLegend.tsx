// A layer's legend as the server draws it (WMS GetLegendGraphic, one row per style rule with its Chinese
// name); when that image cannot be had, the colours of the layer's style as a swatch and a note.
import { useState } from 'react';
import type { LayerSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { WMS_PATH, wmsLayerName } from '../../map/asOfWmsLayer';
import { LegendSwatch } from '../LegendSwatch';

export function legendUrl(code: string): string {
  const params = new URLSearchParams({
    SERVICE: 'WMS',
    VERSION: '1.3.0',
    REQUEST: 'GetLegendGraphic',
    LAYER: wmsLayerName(code),
    FORMAT: 'image/png',
    TRANSPARENT: 'true',
  });
  return `${WMS_PATH}?${params.toString()}`;
}

export function LayerLegend({ layer }: { layer: LayerSummary }) {
  const { t } = useI18n();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <p className="ob-workbench-legend-failed" data-testid={`layer-legend-failed-${layer.code}`}>
        <LegendSwatch style={layer.style} /> {t('workbench.legendFailed')}
      </p>
    );
  }
  return (
    <div className="ob-workbench-legend-box">
      <img
        className="ob-workbench-legend"
        src={legendUrl(layer.code)}
        alt={`${t('workbench.legend')} ${layer.name}`}
        data-testid={`layer-legend-${layer.code}`}
        onError={() => setFailed(true)}
      />
    </div>
  );
}
