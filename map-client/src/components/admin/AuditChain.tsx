// The audit log's hash chain checked by the server: intact over N rows, or the first row that breaks it.
import { verifyAuditChain } from '../../api/admin/audit';
import { useI18n } from '../../i18n/I18nProvider';
import { StatusBanner } from '../StatusBanner';
import { useResource } from '../useResource';
import { LoadFailed } from './LoadFailed';

export function AuditChain() {
  const { t } = useI18n();
  const { resource, reload } = useResource('audit-verify', (signal) => verifyAuditChain(signal));
  return (
    <div className="ob-admin-chain" data-testid="audit-chain">
      {resource.status === 'loading' && <StatusBanner tone="info">{t('admin.audit.verifying')}</StatusBanner>}
      {resource.status === 'error' && (
        <LoadFailed error={resource.error} title={t('admin.audit.verifyFailed')} onRetry={reload} />
      )}
      {resource.status === 'ready' &&
        (resource.value.intact ? (
          <StatusBanner tone="info" testId="audit-chain-intact">
            {t('admin.audit.intact', { rows: resource.value.rows })}
          </StatusBanner>
        ) : (
          <StatusBanner tone="error" testId="audit-chain-broken">
            {t('admin.audit.broken', {
              seq: resource.value.broken?.seq ?? '?',
              reason: resource.value.broken?.reason ?? '',
            })}
          </StatusBanner>
        ))}
      <button type="button" className="ob-button" data-testid="audit-verify" onClick={reload}>
        {t('admin.audit.verifyAgain')}
      </button>
    </div>
  );
}
