// 服务水平 (/admin/service-levels, metrics.read): per city system (API key) and per layer, requests, errors
// and the p50/p95 wait over the last minutes; a p95 past the seed's 5-second rule is marked.
import type { ServiceLevel } from '../../api/admin/serviceLevels';
import { fetchServiceLevels } from '../../api/admin/serviceLevels';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';

function seconds(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(3)} s`;
}

function LevelTable({
  levels,
  nameLabel,
  testId,
}: {
  levels: ServiceLevel[];
  nameLabel: string;
  testId: string;
}) {
  const { t } = useI18n();
  if (levels.length === 0) return <p className="ob-muted">{t('admin.levels.none')}</p>;
  return (
    <div className="ob-table-scroll">
      <table className="ob-table ob-table-compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{nameLabel}</th>
            <th className="ob-number">{t('admin.levels.requests')}</th>
            <th className="ob-number">{t('admin.levels.errors')}</th>
            <th className="ob-number">{t('admin.levels.errorRate')}</th>
            <th className="ob-number">p50</th>
            <th className="ob-number">p95</th>
            <th>{t('admin.levels.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((level) => (
            <tr
              key={level.name}
              className={level.slow ? 'ob-admin-slow' : undefined}
              data-name={level.name}
              data-slow={level.slow}
            >
              <td className="ob-code">{level.name}</td>
              <td className="ob-number">{level.requests}</td>
              <td className="ob-number">{level.errors}</td>
              <td className="ob-number">
                {level.requests === 0 ? '—' : `${((100 * level.errors) / level.requests).toFixed(1)}%`}
              </td>
              <td className="ob-number">{seconds(level.p50Seconds)}</td>
              <td className="ob-number">{seconds(level.p95Seconds)}</td>
              <td>
                {level.slow ? (
                  <span className="ob-admin-state-off">{t('admin.levels.slow')}</span>
                ) : (
                  <span className="ob-admin-state-ok">{t('admin.levels.ok')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ServiceLevelsPage() {
  const { t } = useI18n();
  const { resource, reload } = useResource('admin-service-levels', (signal) => fetchServiceLevels(signal));
  if (resource.status === 'error')
    return <LoadFailed error={resource.error} title={t('admin.levels.loadFailed')} onRetry={reload} />;
  if (resource.status !== 'ready') return <StatusBanner tone="info">{t('common.loading')}</StatusBanner>;
  const levels = resource.value;
  const slow = [...levels.clients, ...levels.layers].filter((level) => level.slow).length;
  return (
    <div className="ob-admin-page" data-testid="admin-service-levels">
      <div className="ob-section-header">
        <h2 className="ob-page-title">{t('admin.levels.title')}</h2>
        <button type="button" className="ob-button" data-testid="levels-refresh" onClick={reload}>
          {t('admin.levels.refresh')}
        </button>
      </div>
      <p className="ob-muted">
        {t('admin.levels.intro', {
          window: Math.round(levels.windowSeconds / 60),
          limit: levels.limitSeconds,
        })}
      </p>
      {slow > 0 ? (
        <StatusBanner tone="warning" testId="levels-slow">
          {t('admin.levels.slowCount', { count: slow, limit: levels.limitSeconds })}
        </StatusBanner>
      ) : (
        <StatusBanner tone="info" testId="levels-ok">
          {t('admin.levels.allOk', { limit: levels.limitSeconds })}
        </StatusBanner>
      )}
      <section className="ob-section" aria-labelledby="levels-clients-heading">
        <h3 id="levels-clients-heading">{t('admin.levels.clients')}</h3>
        <LevelTable levels={levels.clients} nameLabel={t('admin.levels.client')} testId="levels-clients" />
      </section>
      <section className="ob-section" aria-labelledby="levels-layers-heading">
        <h3 id="levels-layers-heading">{t('admin.levels.layers')}</h3>
        <LevelTable levels={levels.layers} nameLabel={t('admin.levels.layer')} testId="levels-layers" />
      </section>
    </div>
  );
}
