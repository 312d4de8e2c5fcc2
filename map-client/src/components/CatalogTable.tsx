// The layer catalog as a table, one group of rows per kind (in catalog order), each row linking to the
// layer's page.
import { Link } from 'react-router';
import { LAYER_KINDS, type LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { geometryLabel, kindLabel } from './catalogLabels';
import { formatDateTime } from './formatDateTime';

interface KindGroup {
  kind: string;
  kindName: string;
  layers: LayerSummary[];
}

function kindRank(kind: string): number {
  const rank = (LAYER_KINDS as readonly string[]).indexOf(kind);
  return rank === -1 ? LAYER_KINDS.length : rank;
}

export function groupByKind(layers: LayerSummary[]): KindGroup[] {
  const groups = new Map<string, KindGroup>();
  for (const layer of layers) {
    const group = groups.get(layer.kind) ?? { kind: layer.kind, kindName: layer.kindName, layers: [] };
    group.layers.push(layer);
    groups.set(layer.kind, group);
  }
  return [...groups.values()]
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.kind.localeCompare(b.kind))
    .map((group) => ({
      ...group,
      layers: [...group.layers].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)),
    }));
}

const COLUMNS = 7;

export function CatalogTable({ layers }: { layers: LayerSummary[] }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  return (
    <table className="ob-table" data-testid="catalog-table">
      <thead>
        <tr>
          <th scope="col">{t('layers.col.name')}</th>
          <th scope="col">{t('layers.col.code')}</th>
          <th scope="col">{t('layers.col.kind')}</th>
          <th scope="col">{t('layers.col.geometry')}</th>
          <th scope="col" className="ob-number">
            {t('layers.col.version')}
          </th>
          <th scope="col" className="ob-number">
            {t('layers.col.featureCount')}
          </th>
          <th scope="col">{t('layers.col.updated')}</th>
        </tr>
      </thead>
      {groupByKind(layers).map((group) => {
        const label = kindLabel(group.kind, group.kindName, i18n);
        return (
          <tbody key={group.kind} data-kind={group.kind}>
            <tr className="ob-table-group">
              <th scope="colgroup" colSpan={COLUMNS}>
                {label}
              </th>
            </tr>
            {group.layers.map((layer) => {
              const href = `/layers/${encodeURIComponent(layer.code)}`;
              return (
                <tr key={layer.code} data-testid={`catalog-row-${layer.code}`} data-code={layer.code}>
                  <td>
                    <Link to={href} title={layer.description || layer.name}>
                      {layer.name}
                    </Link>
                  </td>
                  <td>
                    <Link to={href} className="ob-code">
                      {layer.code}
                    </Link>
                  </td>
                  <td>{label}</td>
                  <td title={layer.geometryType}>{geometryLabel(layer.geometryType, i18n)}</td>
                  <td className="ob-number">
                    {layer.version === null ? (
                      <span className="ob-muted">{t('layers.noData')}</span>
                    ) : (
                      t('layer.versionValue', { version: layer.version })
                    )}
                  </td>
                  <td className="ob-number">{layer.featureCount.toLocaleString(locale)}</td>
                  <td>{formatDateTime(layer.publishedAt, locale)}</td>
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}
