// The server's check (authoritative): verdict, site area, each rule's figures with the conflicting
// features, a button that selects a rule (its conflicting parts emphasised on the map and zoomed to), and
// where the live preview differs.
import type { ComplianceCheck } from '../../api/compliance';
import type { Disagreement } from '../../compliance/comparePreview';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../formatDateTime';
import { StatusBanner } from '../StatusBanner';
import { AreaFigures } from './AreaFigures';
import { DisagreementList } from './DisagreementList';
import { RuleFigures } from './RuleFigures';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  check: ComplianceCheck;
  /** null when the site changed since the check (or no preview): nothing to compare */
  disagreements: Disagreement[] | null;
  stale: boolean;
  previewRuleSetVersion: number | null;
  /** the rule whose conflicting parts are emphasised on the map */
  selectedRuleId: string | null;
  onShowConflict: (ruleId: string) => void;
}

export function CheckResultPanel({
  check,
  disagreements,
  stale,
  previewRuleSetVersion,
  selectedRuleId,
  onShowConflict,
}: Props) {
  const { t, locale } = useI18n();
  return (
    <section
      className="ob-compliance-section"
      data-testid="check-result"
      data-check-id={check.id}
      data-verdict={check.verdict}
    >
      <h3>{t('compliance.result')}</h3>
      <p className="ob-hint">
        {t('compliance.resultMeta', {
          id: check.id,
          time: formatDateTime(check.createdAt, locale),
          ruleSet: check.ruleSet.name,
          version: check.ruleSet.version,
        })}
      </p>
      <div className="ob-verdict-line">
        <span>{t('compliance.verdict')}</span>
        <VerdictBadge verdict={check.verdict} testId="check-verdict" />
      </div>
      <p>
        {t('compliance.siteArea')}：<AreaFigures areaM2={check.siteAreaM2} testId="check-site-area" />
      </p>
      {check.input.repaired && (
        <StatusBanner tone="warning">
          {t('compliance.repaired', { reason: check.input.repairReason ?? '' })}
        </StatusBanner>
      )}
      {stale && (
        <StatusBanner tone="warning" testId="check-stale">
          {t('compliance.staleResult')}
        </StatusBanner>
      )}
      {previewRuleSetVersion !== null && previewRuleSetVersion !== check.ruleSet.version && (
        <StatusBanner tone="warning">
          {t('compliance.ruleSetChanged', { preview: previewRuleSetVersion, server: check.ruleSet.version })}
        </StatusBanner>
      )}
      {disagreements && <DisagreementList disagreements={disagreements} />}
      <ul className="ob-rules" data-testid="check-rules">
        {check.rules.map((rule) => (
          <RuleFigures
            key={rule.ruleId}
            rule={rule}
            testId={`check-rule-${rule.ruleId}`}
            selected={rule.ruleId === selectedRuleId}
            actions={
              rule.conflictGeometry && !rule.passed ? (
                <button
                  type="button"
                  className="ob-link-button"
                  data-testid={`check-rule-${rule.ruleId}-show`}
                  aria-pressed={rule.ruleId === selectedRuleId}
                  onClick={() => onShowConflict(rule.ruleId)}
                >
                  {t('compliance.showConflict')}
                </button>
              ) : undefined
            }
          />
        ))}
      </ul>
      {check.verificationCode && (
        <p className="ob-hint ob-verification" data-testid="check-verification-code">
          {t('compliance.verificationCode', { code: check.verificationCode })}
        </p>
      )}
    </section>
  );
}
