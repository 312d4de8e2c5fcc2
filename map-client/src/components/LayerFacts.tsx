// The facts of a layer that are not edited here: code, kind, geometry type, current version and size.
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { geometryLabel, kindLabel } from './catalogLabels';
import { formatDateTime } from './formatDateTime';

export function LayerFacts({ layer }: { layer: LayerSummary }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <dl className="ob-facts" data-testid="layer-facts">
      <dt>{t('layer.code')}</dt>
      <dd className="ob-code">{layer.code}</dd>
      <dt>{t('layer.kind')}</dt>
      <dd>{kindLabel(layer.kind, layer.kindName, i18n)}</dd>
      <dt>{t('layer.geometry')}</dt>
      <dd title={layer.geometryType}>{geometryLabel(layer.geometryType, i18n)}</dd>
      <dt>{t('layer.version')}</dt>
      <dd data-testid="layer-current-version">
        {layer.version === null ? t('layers.noData') : t('layer.versionValue', { version: layer.version })}
      </dd>
      <dt>{t('layer.featureCount')}</dt>
      <dd>{layer.featureCount.toLocaleString(locale)}</dd>
      <dt>{t('layer.publishedAt')}</dt>
      <dd>{formatDateTime(layer.publishedAt, locale)}</dd>
      {layer.districtCode && (
        <>
          <dt>{t('layer.district')}</dt>
          <dd>{layer.districtCode}</dd>
        </>
      )}
    </dl>
  );
}
