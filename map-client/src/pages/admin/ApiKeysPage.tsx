// API 密钥 (/admin/api-keys, accounts.manage): the keys of city systems with their limits, use and state;
// issuing one (its secret shown once) and revoking one (asked twice).
import { useState } from 'react';
import { fetchApiKeys, revokeApiKey, type ApiKeySummary } from '../../api/admin/apiKeys';
import { IssuedKey } from '../../components/admin/IssuedKey';
import { IssueKeyForm } from '../../components/admin/IssueKeyForm';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { ApiErrorNotice } from '../../components/ApiErrorNotice';
import { formatDateTime } from '../../components/formatDateTime';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';

function keyState(key: ApiKeySummary): 'revoked' | 'expired' | 'active' {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && new Date(key.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

export function ApiKeysPage() {
  const { t, locale } = useI18n();
  const { resource, reload } = useResource('admin-api-keys', (signal) => fetchApiKeys(signal));
  const [issued, setIssued] = useState<{ name: string; key: string } | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  const revoke = async (id: number) => {
    setRevokeError(null);
    try {
      await revokeApiKey(id);
      setConfirming(null);
      reload();
    } catch (failure) {
      setRevokeError(failure);
    }
  };

  return (
    <div className="ob-admin-page" data-testid="admin-api-keys">
      <h2 className="ob-page-title">{t('admin.keys.title')}</h2>
      <section className="ob-section">
        <IssueKeyForm
          onIssued={(key) => {
            setIssued({ name: key.name, key: key.key });
            reload();
          }}
        />
        {issued && <IssuedKey name={issued.name} secret={issued.key} onDismiss={() => setIssued(null)} />}
      </section>
      <section className="ob-section" aria-labelledby="keys-heading">
        <h3 id="keys-heading">{t('admin.keys.list')}</h3>
        {revokeError !== null && <ApiErrorNotice error={revokeError} title={t('admin.keys.revokeFailed')} />}
        {resource.status === 'error' && (
          <LoadFailed error={resource.error} title={t('admin.keys.loadFailed')} onRetry={reload} />
        )}
        {resource.status === 'loading' && <StatusBanner tone="info">{t('common.loading')}</StatusBanner>}
        {resource.status === 'ready' && (
          <div className="ob-table-scroll">
            <table className="ob-table" data-testid="keys-table">
              <thead>
                <tr>
                  <th>{t('admin.keys.name')}</th>
                  <th>{t('admin.keys.prefix')}</th>
                  <th>{t('admin.keys.services')}</th>
                  <th>{t('admin.keys.layers')}</th>
                  <th>{t('admin.keys.created')}</th>
                  <th>{t('admin.keys.expires')}</th>
                  <th>{t('admin.keys.lastUsed')}</th>
                  <th>{t('admin.users.state')}</th>
                  <th>{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {resource.value.map((key) => {
                  const state = keyState(key);
                  return (
                    <tr
                      key={key.id}
                      data-testid={`key-row-${key.id}`}
                      data-name={key.name}
                      data-state={state}
                    >
                      <td>{key.name}</td>
                      <td className="ob-code">{key.prefix}…</td>
                      <td className="ob-code">{key.services?.join(', ') ?? t('admin.keys.all')}</td>
                      <td className="ob-code ob-admin-wrap">
                        {key.layers?.join(', ') ?? t('admin.keys.all')}
                      </td>
                      <td>{formatDateTime(key.createdAt, locale)}</td>
                      <td>{formatDateTime(key.expiresAt, locale, t('admin.keys.never'))}</td>
                      <td>{formatDateTime(key.lastUsedAt, locale)}</td>
                      <td>
                        <span className={state === 'active' ? 'ob-admin-state-ok' : 'ob-admin-state-off'}>
                          {t(`admin.keys.state.${state}`)}
                        </span>
                      </td>
                      <td className="ob-admin-row-actions">
                        {state !== 'revoked' &&
                          (confirming === key.id ? (
                            <>
                              <button
                                type="button"
                                className="ob-button ob-button-danger"
                                data-testid={`key-revoke-confirm-${key.id}`}
                                onClick={() => void revoke(key.id)}
                              >
                                {t('admin.keys.revokeConfirm')}
                              </button>
                              <button
                                type="button"
                                className="ob-link-button"
                                onClick={() => setConfirming(null)}
                              >
                                {t('admin.cancel')}
                              </button>
                            </>
                          ) : (
                            <button
                              type="button"
                              className="ob-link-button"
                              data-testid={`key-revoke-${key.id}`}
                              onClick={() => setConfirming(key.id)}
                            >
                              {t('admin.keys.revoke')}
                            </button>
                          ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
