// The rule set the page checks against: loading, failure with a retry, the choice when there are several,
// and its name, version and number of rules.
import type { RuleSetSummary } from '../../api/compliance';
import type { RuleSet } from '../../compliance/ruleSet';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { StatusBanner } from '../StatusBanner';
import type { Resource } from '../useResource';

interface Props {
  ruleSets: Resource<RuleSetSummary[]>;
  ruleSet: Resource<RuleSet>;
  code: string | null;
  onChoose: (code: string) => void;
  onRetryList: () => void;
  onRetrySet: () => void;
}

export function RuleSetSection({ ruleSets, ruleSet, code, onChoose, onRetryList, onRetrySet }: Props) {
  const { t } = useI18n();
  const failure =
    ruleSets.status === 'error' ? ruleSets.error : ruleSet.status === 'error' ? ruleSet.error : undefined;
  return (
    <section className="ob-compliance-section" data-testid="rule-set" data-status={ruleSet.status}>
      <h3>{t('compliance.ruleSet')}</h3>
      {(ruleSets.status === 'loading' || ruleSet.status === 'loading') && (
        <p className="ob-hint">{t('compliance.ruleSetLoading')}</p>
      )}
      {failure !== undefined && (
        <StatusBanner tone="error" testId="rule-set-error">
          <span>{t('compliance.ruleSetFailed', { message: describeError(failure).message })}</span>
          <button
            type="button"
            className="ob-button"
            onClick={ruleSets.status === 'error' ? onRetryList : onRetrySet}
          >
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {ruleSets.status === 'ready' && ruleSets.value.length > 1 && (
        <select value={code ?? ''} data-testid="rule-set-select" onChange={(e) => onChoose(e.target.value)}>
          {ruleSets.value.map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}（{s.code}）
            </option>
          ))}
        </select>
      )}
      {ruleSet.status === 'ready' && (
        <p className="ob-hint" data-testid="rule-set-name" data-version={ruleSet.value.version}>
          {t('compliance.ruleSetVersion', {
            name: ruleSet.value.name,
            version: ruleSet.value.version,
            count: ruleSet.value.rules.length,
          })}
        </p>
      )}
    </section>
  );
}
