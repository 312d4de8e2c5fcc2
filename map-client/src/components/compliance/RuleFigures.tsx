// One rule's result as a row: title, severity, passed, area (m²/公顷/亩), share of the site, nearest distance
// and the features at fault. Used for the preview's rules and the server's alike.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { AreaFigures } from './AreaFigures';

export interface RuleRow {
  ruleId: string;
  title: string;
  severity: 'prohibit' | 'warn' | 'inform';
  passed: boolean;
  areaM2: number | null;
  ratio: number | null;
  distanceM: number | null;
  features: { key: string | null; layer: string; areaM2?: number; distanceM?: number }[];
}

const MAX_FEATURES_SHOWN = 8;

export function RuleFigures({
  rule,
  testId,
  actions,
  selected = false,
}: {
  rule: RuleRow;
  testId: string;
  actions?: ReactNode;
  selected?: boolean;
}) {
  const { t } = useI18n();
  return (
    <li
      className={`ob-rule ob-rule-${rule.passed ? 'passed' : `failed-${rule.severity}`}${selected ? ' ob-compliance-rule-selected' : ''}`}
      data-testid={testId}
      data-passed={String(rule.passed)}
      data-selected={String(selected)}
    >
      <div className="ob-rule-head">
        <span className={`ob-severity ob-severity-${rule.severity}`}>
          {t(`compliance.severity.${rule.severity}`)}
        </span>
        <span className="ob-rule-title">{rule.title}</span>
        <span className="ob-rule-state">{rule.passed ? t('compliance.passed') : t('compliance.failed')}</span>
        {actions}
      </div>
      <dl className="ob-rule-figures">
        {rule.areaM2 !== null && rule.areaM2 > 0 && (
          <>
            <dt>{t('compliance.area')}</dt>
            <dd>
              <AreaFigures areaM2={rule.areaM2} testId={`${testId}-area`} />
            </dd>
          </>
        )}
        {rule.ratio !== null && rule.ratio > 0 && (
          <>
            <dt>{t('compliance.ratio')}</dt>
            <dd>{(rule.ratio * 100).toFixed(2)}%</dd>
          </>
        )}
        {rule.distanceM !== null && (
          <>
            <dt>{t('compliance.distance')}</dt>
            <dd data-testid={`${testId}-distance`}>
              {t('compliance.distanceValue', { value: rule.distanceM.toFixed(2) })}
            </dd>
          </>
        )}
        {rule.features.length > 0 && (
          <>
            <dt>{t('compliance.features')}</dt>
            <dd>
              {rule.features.slice(0, MAX_FEATURES_SHOWN).map((f, i) => (
                <span key={`${f.layer}:${f.key ?? i}`} className="ob-rule-feature">
                  {f.key ?? f.layer}
                  {f.areaM2 !== undefined && ` (${f.areaM2.toFixed(1)} ${t('unit.m2')})`}
                  {f.distanceM !== undefined &&
                    ` (${t('compliance.distanceValue', { value: f.distanceM.toFixed(1) })})`}
                </span>
              ))}
              {rule.features.length > MAX_FEATURES_SHOWN && (
                <span> … +{rule.features.length - MAX_FEATURES_SHOWN}</span>
              )}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
