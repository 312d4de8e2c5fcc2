// 审计日志 (/admin/audit, audit.read): the log filtered by action, user, object type and dates, a page at a
// time, newest first as the server orders it; the CSV of the same filter; the hash chain's check.
import { useState, type FormEvent } from 'react';
import { AUDIT_ACTIONS, auditQuery, fetchAuditPage, type AuditFilter } from '../../api/admin/audit';
import { AuditChain } from '../../components/admin/AuditChain';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { formatDateTime } from '../../components/formatDateTime';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';

const PAGE_SIZE = 50;

function detailsText(details: Record<string, unknown>): string {
  const text = JSON.stringify(details);
  return text === '{}' ? '' : text;
}

export function AuditPage() {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<AuditFilter>({ action: '' });
  const [filter, setFilter] = useState<AuditFilter>({ action: '' });
  const [offset, setOffset] = useState(0);
  const key = `audit:${auditQuery(filter)}:${offset}`;
  const { resource, reload } = useResource(key, (signal) =>
    fetchAuditPage(filter, PAGE_SIZE, offset, signal),
  );

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter(form);
    setOffset(0);
  };
  const set = (field: keyof AuditFilter, value: string) => setForm((f) => ({ ...f, [field]: value }));

  return (
    <div className="ob-admin-page" data-testid="admin-audit">
      <h2 className="ob-page-title">{t('admin.audit.title')}</h2>
      <section className="ob-section" aria-labelledby="audit-chain-heading">
        <h3 id="audit-chain-heading">{t('admin.audit.chain')}</h3>
        <AuditChain />
      </section>
      <section className="ob-section" aria-labelledby="audit-heading">
        <h3 id="audit-heading">{t('admin.audit.entries')}</h3>
        <form className="ob-admin-filters" data-testid="audit-filter" onSubmit={apply}>
          <label className="ob-field">
            <span>{t('admin.audit.action')}</span>
            <select
              value={form.action ?? ''}
              data-testid="audit-filter-action"
              onChange={(event) => set('action', event.target.value)}
            >
              <option value="">{t('admin.audit.anyAction')}</option>
              {AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`admin.audit.actions.${action}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="ob-field">
            <span>{t('admin.audit.username')}</span>
            <input
              value={form.username ?? ''}
              data-testid="audit-filter-username"
              onChange={(event) => set('username', event.target.value)}
            />
          </label>
          <label className="ob-field">
            <span>{t('admin.audit.targetType')}</span>
            <input
              value={form.targetType ?? ''}
              placeholder="user, layer, rule_set…"
              data-testid="audit-filter-target"
              onChange={(event) => set('targetType', event.target.value)}
            />
          </label>
          <label className="ob-field">
            <span>{t('admin.audit.from')}</span>
            <input
              type="date"
              value={form.from ?? ''}
              onChange={(event) => set('from', event.target.value)}
            />
          </label>
          <label className="ob-field">
            <span>{t('admin.audit.to')}</span>
            <input type="date" value={form.to ?? ''} onChange={(event) => set('to', event.target.value)} />
          </label>
          <div className="ob-form-actions">
            <button type="submit" className="ob-button ob-button-primary" data-testid="audit-filter-apply">
              {t('admin.audit.apply')}
            </button>
            <a
              className="ob-button"
              href={`/api/v1/audit?${auditQuery(filter, { format: 'csv', limit: '10000' })}`}
              download="audit-log.csv"
              data-testid="audit-csv"
            >
              {t('admin.audit.csv')}
            </a>
          </div>
        </form>
        {resource.status === 'error' && (
          <LoadFailed error={resource.error} title={t('admin.audit.loadFailed')} onRetry={reload} />
        )}
        {resource.status === 'loading' && <StatusBanner tone="info">{t('common.loading')}</StatusBanner>}
        {resource.status === 'ready' && (
          <>
            <div className="ob-admin-pager" data-testid="audit-pager" data-total={resource.value.total}>
              <span>
                {resource.value.total === 0
                  ? t('admin.audit.empty')
                  : t('admin.audit.range', {
                      from: offset + 1,
                      to: offset + resource.value.entries.length,
                      total: resource.value.total,
                    })}
              </span>
              <button
                type="button"
                className="ob-button"
                disabled={offset === 0}
                data-testid="audit-previous"
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('admin.audit.previous')}
              </button>
              <button
                type="button"
                className="ob-button"
                disabled={offset + PAGE_SIZE >= resource.value.total}
                data-testid="audit-next"
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('admin.audit.next')}
              </button>
            </div>
            <div className="ob-table-scroll">
              <table className="ob-table ob-table-compact" data-testid="audit-table">
                <thead>
                  <tr>
                    <th className="ob-number">{t('admin.audit.seq')}</th>
                    <th>{t('admin.audit.at')}</th>
                    <th>{t('admin.audit.action')}</th>
                    <th>{t('admin.audit.username')}</th>
                    <th>{t('admin.audit.target')}</th>
                    <th>{t('admin.audit.clientIp')}</th>
                    <th>{t('admin.audit.details')}</th>
                  </tr>
                </thead>
                <tbody>
                  {resource.value.entries.map((entry) => (
                    <tr key={entry.seq} data-testid="audit-row" data-action={entry.action}>
                      <td className="ob-number">{entry.seq}</td>
                      <td>{formatDateTime(entry.at, locale)}</td>
                      <td>{t(`admin.audit.actions.${entry.action}`)}</td>
                      <td>
                        {entry.username ??
                          (entry.apiKeyId !== null
                            ? t('admin.audit.apiKey', { id: entry.apiKeyId })
                            : t('common.none'))}
                      </td>
                      <td className="ob-code">
                        {entry.targetType ?? ''}
                        {entry.targetId ? ` ${entry.targetId}` : ''}
                      </td>
                      <td className="ob-code">{entry.clientIp ?? ''}</td>
                      <td className="ob-code ob-admin-details" title={detailsText(entry.details)}>
                        {detailsText(entry.details)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
