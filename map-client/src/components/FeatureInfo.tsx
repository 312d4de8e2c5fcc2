// The attribute card: the clicked features of visible layers, one table per feature, labelled with the
// Chinese labels of the layer's attribute schema; imagery named without attributes; layers whose query
// failed named with the reason and a retry.
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { FeatureHit } from '../map/featuresAtPixel';
import type { IdentifyFailure } from '../map/identify';
import { describeError } from './describeError';
import { attributeRows } from './formatAttribute';

interface Props {
  hits: FeatureHit[];
  layersByCode: ReadonlyMap<string, LayerSummary>;
  onClose: () => void;
  /** some layers are still being asked */
  pending?: boolean;
  imagery?: string[];
  failures?: IdentifyFailure[];
  onRetry?: () => void;
  /** as-of dates, named beside the layers drawn as of one */
  asOf?: Readonly<Record<string, string>>;
}

const NONE: never[] = [];

export function FeatureInfo({
  hits,
  layersByCode,
  onClose,
  pending = false,
  imagery = NONE,
  failures = NONE,
  onRetry,
  asOf = {},
}: Props) {
  const { t, locale } = useI18n();
  const words = { yes: t('info.yes'), no: t('info.no') };
  return (
    <section className="ob-card ob-feature-info" data-testid="feature-info" aria-label={t('info.title')}>
      <div className="ob-card-header">
        <h2>{t('info.title')}</h2>
        <button
          type="button"
          className="ob-icon-button"
          title={t('info.close')}
          aria-label={t('info.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="ob-card-body">
        {pending && <p className="ob-muted">{t('workbench.identify.loading')}</p>}
        {failures.map((failure) => (
          <p
            key={failure.layerCode}
            className="ob-workbench-error"
            role="alert"
            data-testid="identify-failed"
          >
            {t('workbench.identify.failed', {
              name: layersByCode.get(failure.layerCode)?.name ?? failure.layerCode,
              message: describeError(failure.error).message,
            })}
            {onRetry && (
              <button type="button" className="ob-button" onClick={onRetry}>
                {t('workbench.retry')}
              </button>
            )}
          </p>
        ))}
        {!pending && hits.length === 0 && imagery.length === 0 && failures.length === 0 && (
          <p className="ob-muted">{t('info.empty')}</p>
        )}
        {hits.map((hit, index) => {
          const layer = layersByCode.get(hit.layerCode);
          const rows = attributeRows(hit.properties, layer?.attributeSchema ?? [], locale, words);
          return (
            <article key={`${hit.layerCode}-${index}`} className="ob-feature" data-layer={hit.layerCode}>
              <h3>
                {layer?.name ?? hit.layerCode}
                {asOf[hit.layerCode] && (
                  <small> （{t('workbench.identify.asOf', { date: asOf[hit.layerCode] as string })}）</small>
                )}
              </h3>
              <table>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.name} data-attribute={row.name}>
                      <th scope="row" title={row.name}>
                        {row.label}
                      </th>
                      <td>{row.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </article>
          );
        })}
        {imagery.map((code) => (
          <article key={code} className="ob-feature" data-layer={code} data-testid="identify-imagery">
            <h3>{layersByCode.get(code)?.name ?? code}</h3>
            <p className="ob-muted">{t('workbench.identify.imagery')}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
