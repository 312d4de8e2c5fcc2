// 审查规则集 (/admin/rule-sets, rules.manage): the rule sets, one with its versions (any one can be opened as
// the draft of the next) above the editor (as a form or as JSON).
import { useState } from 'react';
import { fetchRuleSets } from '../../api/compliance';
import { fetchRuleSetVersion, fetchRuleSetVersions } from '../../api/admin/ruleSets';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { RuleSetEditor } from '../../components/admin/rule-set/RuleSetEditor';
import { formatDateTime } from '../../components/formatDateTime';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';

export function RuleSetsPage() {
  const { t } = useI18n();
  const { resource, reload } = useResource('admin-rule-sets', (signal) => fetchRuleSets(signal));
  const [chosen, setChosen] = useState<string | null>(null);

  if (resource.status === 'error')
    return <LoadFailed error={resource.error} title={t('admin.rules.loadFailed')} onRetry={reload} />;
  if (resource.status !== 'ready') return <StatusBanner tone="info">{t('common.loading')}</StatusBanner>;
  const code = chosen ?? resource.value[0]?.code ?? null;

  return (
    <div className="ob-admin-page" data-testid="admin-rule-sets">
      <h2 className="ob-page-title">{t('admin.rules.pageTitle')}</h2>
      <div className="ob-toolbar">
        <label className="ob-inline-field">
          <span>{t('admin.rules.choose')}</span>
          <select
            value={code ?? ''}
            data-testid="rule-set-choose"
            onChange={(event) => setChosen(event.target.value)}
          >
            {resource.value.map((set) => (
              <option key={set.code} value={set.code}>
                {set.name}（{set.code}）
              </option>
            ))}
          </select>
        </label>
      </div>
      {code === null ? (
        <StatusBanner tone="info">{t('admin.rules.none')}</StatusBanner>
      ) : (
        <RuleSetWorkspace key={code} code={code} onSaved={reload} />
      )}
    </div>
  );
}

function RuleSetWorkspace({ code, onSaved }: { code: string; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const session = useSession();
  const [version, setVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const versions = useResource(`rule-set-versions:${code}`, (signal) => fetchRuleSetVersions(code, signal));
  const stored = useResource(`rule-set:${code}:${version ?? 'current'}`, (signal) =>
    fetchRuleSetVersion(code, version, signal),
  );

  return (
    <div className="ob-admin-rule-workspace">
      <section className="ob-section ob-admin-versions" aria-labelledby="rule-set-versions-heading">
        <h3 id="rule-set-versions-heading">{t('admin.rules.versions')}</h3>
        {versions.resource.status === 'error' && (
          <LoadFailed
            error={versions.resource.error}
            title={t('admin.rules.versionsFailed')}
            onRetry={versions.reload}
          />
        )}
        {versions.resource.status === 'ready' && (
          <div className="ob-table-scroll">
            <table className="ob-table ob-table-compact" data-testid="rule-set-versions">
              <thead>
                <tr>
                  <th>{t('admin.rules.version')}</th>
                  <th className="ob-number">{t('admin.rules.ruleCount')}</th>
                  <th>{t('admin.rules.savedAt')}</th>
                  <th>{t('admin.rules.savedBy')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {versions.resource.value.map((v) => (
                  <tr key={v.version} data-testid={`rule-set-version-${v.version}`} data-current={v.current}>
                    <td>
                      {t('admin.rules.versionN', { version: v.version })}
                      {v.current && <span className="ob-badge">{t('admin.rules.current')}</span>}
                    </td>
                    <td className="ob-number">{v.ruleCount}</td>
                    <td>{formatDateTime(v.createdAt, locale)}</td>
                    <td>{v.createdBy ?? t('common.none')}</td>
                    <td>
                      <button
                        type="button"
                        className="ob-link-button"
                        data-testid={`rule-set-open-${v.version}`}
                        onClick={() => {
                          setSaved(null);
                          setVersion(v.current ? null : v.version);
                        }}
                      >
                        {t('admin.rules.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="ob-section" aria-labelledby="rule-set-editor-heading">
        <h3 id="rule-set-editor-heading">
          {stored.resource.status === 'ready'
            ? t('admin.rules.editing', {
                name: stored.resource.value.name,
                version: stored.resource.value.version,
              })
            : t('admin.rules.editor')}
        </h3>
        {saved !== null && (
          <StatusBanner tone="info" testId="rule-set-saved">
            {t('admin.rules.saved', { version: saved })}
          </StatusBanner>
        )}
        {stored.resource.status === 'error' && (
          <LoadFailed
            error={stored.resource.error}
            title={t('admin.rules.loadFailed')}
            onRetry={stored.reload}
          />
        )}
        {stored.resource.status === 'loading' && (
          <StatusBanner tone="info">{t('common.loading')}</StatusBanner>
        )}
        {stored.resource.status === 'ready' && (
          <RuleSetEditor
            key={`${stored.resource.value.version}`}
            stored={stored.resource.value}
            canSave={session.can('rules.manage')}
            onSaved={(result) => {
              setSaved(result.version);
              if (version === null) stored.reload();
              else setVersion(null);
              versions.reload();
              onSaved();
            }}
          />
        )}
      </section>
    </div>
  );
}
