// What changed between two compliance runs, as a reviewer reads it: the verdict, the site's area moved in
// and out, the rule set and layer versions read, and the rules whose results differ.
import type { CheckDiff } from '../../api/checkDiff';
import { useI18n } from '../../i18n/I18nProvider';
import { AreaFigures } from '../compliance/AreaFigures';

export function CheckDiffView({ diff }: { diff: CheckDiff }) {
  const { t } = useI18n();
  const changedRules = diff.rules.filter((r) => r.change !== 'unchanged');
  return (
    <div
      className="ob-projects-check-diff"
      data-testid="check-diff"
      data-verdict-changed={diff.verdict.changed}
    >
      <p>{t('projects.compliance.verdictChange', { from: diff.verdict.from, to: diff.verdict.to })}</p>
      {diff.site.moved ? (
        <>
          <p className="ob-projects-diff-line">
            <span className="ob-projects-swatch ob-projects-swatch-added" aria-hidden="true" />
            {t('projects.site.added')} <AreaFigures areaM2={diff.site.addedAreaM2} />
          </p>
          <p className="ob-projects-diff-line">
            <span className="ob-projects-swatch ob-projects-swatch-removed" aria-hidden="true" />
            {t('projects.site.removed')} <AreaFigures areaM2={diff.site.removedAreaM2} />
          </p>
        </>
      ) : (
        <p className="ob-hint">{t('projects.compliance.siteSame')}</p>
      )}
      {diff.ruleSet.changed && (
        <p className="ob-hint">
          {t('projects.compliance.ruleSetChange', {
            from: diff.ruleSet.from.version,
            to: diff.ruleSet.to.version,
          })}
        </p>
      )}
      {diff.layerVersions.length > 0 && (
        <p className="ob-hint">
          {t('projects.compliance.layersChanged')}
          {diff.layerVersions.map((l) => `${l.layer} v${l.from ?? '—'}→v${l.to ?? '—'}`).join('，')}
        </p>
      )}
      {changedRules.length === 0 ? (
        <p className="ob-hint">{t('projects.compliance.rulesSame')}</p>
      ) : (
        <ul className="ob-projects-list">
          {changedRules.map((r) => (
            <li key={r.ruleId} data-testid={`check-diff-rule-${r.ruleId}`}>
              {r.title}：{passText(r.passed.from, t)} → {passText(r.passed.to, t)}
              {r.areaM2.from !== r.areaM2.to && (
                <span className="ob-hint">
                  {' '}
                  ({r.areaM2.from?.toFixed(2) ?? '—'} → {r.areaM2.to?.toFixed(2) ?? '—'} m²)
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function passText(passed: boolean | null, t: ReturnType<typeof useI18n>['t']): string {
  if (passed === null) return t('projects.compliance.absent');
  return t(passed ? 'projects.compliance.passed' : 'projects.compliance.notPassed');
}
