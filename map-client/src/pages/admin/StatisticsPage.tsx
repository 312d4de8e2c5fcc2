// 统计分析 (/admin/statistics, projects.read): projects by stage and by district, and approvals on time and
// late by stage, each as an SVG chart with the same figures as a table beside it, and the CSV downloads of
// the statistics API. Areas are the server's ellipsoidal sums, given in m², 公顷 and 亩.
import {
  APPROVAL_STATISTICS_PATH,
  fetchApprovalStatistics,
  fetchProjectStatistics,
  PROJECT_STATISTICS_PATH,
  timelinessByStage,
  type ProjectGroup,
} from '../../api/admin/statistics';
import { fetchDistrictNames } from '../../api/admin/districtNames';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { BarChart } from '../../components/charts/BarChart';
import { formatArea } from '../../components/formatArea';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';

const BLUE = '#1f5fa8';
const GREEN = '#2e8b57';
const RED = '#c0392b';

function GroupTable({
  groups,
  testId,
  keyLabel,
}: {
  groups: ProjectGroup[];
  testId: string;
  keyLabel: string;
}) {
  const { t, locale } = useI18n();
  const units = { m2: 'm²', hectare: t('admin.stats.hectare'), mu: t('admin.stats.mu') };
  return (
    <div className="ob-table-scroll">
      <table className="ob-table ob-table-compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{keyLabel}</th>
            <th className="ob-number">{t('admin.stats.count')}</th>
            <th className="ob-number">{t('admin.stats.areaM2')}</th>
            <th className="ob-number">{t('admin.stats.areaHa')}</th>
            <th className="ob-number">{t('admin.stats.areaMu')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const area = formatArea(g.areaM2, locale, units);
            return (
              <tr key={g.key} data-key={g.key} data-label={g.label} data-count={g.count}>
                <td>{g.label}</td>
                <td className="ob-number">{g.count}</td>
                <td className="ob-number">{area.m2}</td>
                <td className="ob-number">{area.hectares}</td>
                <td className="ob-number">{area.mu}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function StatisticsPage() {
  const { t, locale } = useI18n();
  const { resource, reload } = useResource('admin-statistics', (signal) =>
    Promise.all([
      fetchProjectStatistics(signal),
      fetchApprovalStatistics(signal),
      // names only make the labels friendlier: without them the codes stand, and a note says so
      fetchDistrictNames(signal).catch(() => null),
    ]),
  );
  if (resource.status === 'error')
    return <LoadFailed error={resource.error} title={t('admin.stats.loadFailed')} onRetry={reload} />;
  if (resource.status !== 'ready') return <StatusBanner tone="info">{t('common.loading')}</StatusBanner>;
  const [projects, approvals, districtNames] = resource.value;
  const byDistrict = projects.byDistrict.map((g) => ({
    ...g,
    label: districtNames?.get(g.key) ? `${districtNames.get(g.key)}（${g.key}）` : g.label,
  }));
  const timeliness = timelinessByStage(approvals.groups);
  const units = { m2: 'm²', hectare: t('admin.stats.hectare'), mu: t('admin.stats.mu') };
  const total = formatArea(projects.total.areaM2, locale, units);
  const countRows = (groups: ProjectGroup[]) =>
    groups.map((g) => ({ key: g.key, label: g.label, segments: [{ key: 'count', value: g.count }] }));
  const countSeries = [{ key: 'count', label: t('admin.stats.count'), colour: BLUE }];

  return (
    <div className="ob-admin-page" data-testid="admin-statistics">
      <div className="ob-section-header">
        <h2 className="ob-page-title">{t('admin.stats.title')}</h2>
        <div className="ob-form-actions">
          <a
            className="ob-button"
            href={`${PROJECT_STATISTICS_PATH}?format=csv`}
            download
            data-testid="stats-csv-projects"
          >
            {t('admin.stats.csvProjects')}
          </a>
          <a
            className="ob-button"
            href={`${APPROVAL_STATISTICS_PATH}?format=csv`}
            download
            data-testid="stats-csv-approvals"
          >
            {t('admin.stats.csvApprovals')}
          </a>
        </div>
      </div>
      <p className="ob-muted" data-testid="stats-total" data-count={projects.total.count}>
        {t('admin.stats.total', {
          count: projects.total.count,
          m2: total.m2,
          ha: total.hectares,
          mu: total.mu,
        })}
      </p>
      <section className="ob-section ob-admin-stat" aria-labelledby="stats-stage-heading">
        <h3 id="stats-stage-heading">{t('admin.stats.byStage')}</h3>
        <div className="ob-admin-stat-body">
          <BarChart
            title={t('admin.stats.byStageChart')}
            rows={countRows(projects.byStage)}
            series={countSeries}
            testId="chart-stage"
          />
          <GroupTable groups={projects.byStage} testId="table-stage" keyLabel={t('admin.stats.stage')} />
        </div>
      </section>
      <section className="ob-section ob-admin-stat" aria-labelledby="stats-district-heading">
        <h3 id="stats-district-heading">{t('admin.stats.byDistrict')}</h3>
        {districtNames === null && <p className="ob-muted">{t('admin.stats.districtNamesMissing')}</p>}
        <div className="ob-admin-stat-body">
          <BarChart
            title={t('admin.stats.byDistrictChart')}
            rows={countRows(byDistrict)}
            series={countSeries}
            testId="chart-district"
          />
          <GroupTable groups={byDistrict} testId="table-district" keyLabel={t('admin.stats.district')} />
        </div>
      </section>
      <section className="ob-section ob-admin-stat" aria-labelledby="stats-approvals-heading">
        <h3 id="stats-approvals-heading">{t('admin.stats.approvals')}</h3>
        <div className="ob-admin-stat-body">
          <BarChart
            title={t('admin.stats.approvalsChart')}
            rows={timeliness.map((s) => ({
              label: s.stageName,
              segments: [
                { key: 'onTime', value: s.onTime },
                { key: 'late', value: s.late },
              ],
            }))}
            series={[
              { key: 'onTime', label: t('admin.stats.onTime'), colour: GREEN },
              { key: 'late', label: t('admin.stats.late'), colour: RED },
            ]}
            testId="chart-approvals"
          />
          <table className="ob-table ob-table-compact" data-testid="table-approvals">
            <thead>
              <tr>
                <th>{t('admin.stats.stage')}</th>
                <th className="ob-number">{t('admin.stats.onTime')}</th>
                <th className="ob-number">{t('admin.stats.late')}</th>
                <th className="ob-number">{t('admin.stats.lateRate')}</th>
              </tr>
            </thead>
            <tbody>
              {timeliness.map((s) => (
                <tr key={s.stage} data-stage={s.stage} data-on-time={s.onTime} data-late={s.late}>
                  <td>{s.stageName}</td>
                  <td className="ob-number">{s.onTime}</td>
                  <td className="ob-number">{s.late}</td>
                  <td className="ob-number">
                    {s.onTime + s.late === 0 ? '—' : `${((100 * s.late) / (s.onTime + s.late)).toFixed(1)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {approvals.groups.length === 0 && <p className="ob-muted">{t('admin.stats.noApprovals')}</p>}
      </section>
    </div>
  );
}
