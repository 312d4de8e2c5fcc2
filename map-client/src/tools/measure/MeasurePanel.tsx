// The figures of the measurement under way or just finished: a length in m or km; an area in m², 公顷 and
// 亩 with its perimeter. All on the CGCS2000 ellipsoid.
import { formatArea } from '../../components/formatArea';
import { useI18n } from '../../i18n/I18nProvider';
import { formatLength } from './formatLength';
import type { MeasureMode } from './useMeasure';
import type { Measurement } from './measureGeometry';

interface Props {
  mode: MeasureMode | null;
  result: { measurement: Measurement; finished: boolean } | null;
  onClear: () => void;
  onClose: () => void;
}

export function MeasurePanel({ mode, result, onClear, onClose }: Props) {
  const { t, locale } = useI18n();
  const m = result?.measurement;
  const area =
    m?.areaM2 != null
      ? formatArea(m.areaM2, locale, { m2: 'm²', hectare: t('tools.hectare'), mu: t('tools.mu') })
      : null;
  return (
    <section className="ob-tools-panel" data-testid="measure-panel" aria-label={t('tools.measure')}>
      <div className="ob-tools-panel-header">
        <h2>{mode === 'area' ? t('tools.measureArea') : t('tools.measureLength')}</h2>
        <button type="button" className="ob-icon-button" onClick={onClose} aria-label={t('tools.close')}>
          ×
        </button>
      </div>
      <p className="ob-tools-muted">{t('tools.measureHint')}</p>
      {m && (
        <dl
          className="ob-tools-figures"
          data-testid="measure-result"
          data-kind={m.kind}
          data-finished={result.finished}
          data-length-m={m.lengthM}
          data-area-m2={m.areaM2 ?? ''}
          data-lonlat={JSON.stringify(m.lonLat)}
        >
          {area ? (
            <>
              <dt>{t('tools.area')}</dt>
              <dd data-testid="measure-area-m2">{area.m2}</dd>
              <dd>{area.hectares}</dd>
              <dd>{area.mu}</dd>
              <dt>{t('tools.perimeter')}</dt>
              <dd>{formatLength(m.lengthM, locale)}</dd>
            </>
          ) : (
            <>
              <dt>{t('tools.length')}</dt>
              <dd data-testid="measure-length">{formatLength(m.lengthM, locale)}</dd>
            </>
          )}
        </dl>
      )}
      <div className="ob-tools-actions">
        <button type="button" className="ob-button" onClick={onClear} disabled={!m}>
          {t('tools.clear')}
        </button>
      </div>
    </section>
  );
}
