// The attribute card: the clicked features of visible layers, one table per feature, labelled with the
// Chinese labels of the layer's attribute schema.
import type { LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { FeatureHit } from '../map/featuresAtPixel';
import { attributeRows } from './formatAttribute';

interface Props {
  hits: FeatureHit[];
  layersByCode: ReadonlyMap<string, LayerSummary>;
  onClose: () => void;
}

export function FeatureInfo({ hits, layersByCode, onClose }: Props) {
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
        {hits.length === 0 && <p className="ob-muted">{t('info.empty')}</p>}
        {hits.map((hit, index) => {
          const layer = layersByCode.get(hit.layerCode);
          const rows = attributeRows(hit.properties, layer?.attributeSchema ?? [], locale, words);
          return (
            <article key={`${hit.layerCode}-${index}`} className="ob-feature" data-layer={hit.layerCode}>
              <h3>{layer?.name ?? hit.layerCode}</h3>
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
      </div>
    </section>
  );
}
