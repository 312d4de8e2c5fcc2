// The project's compliance runs with their verdicts and site areas; tick two to see what changed between
// them (verdict, site, rule-set and layer versions, and each rule's result).
import { useState } from 'react';
import type { CheckSummary } from '../../api/compliance';
import { fetchCheckDiff } from '../../api/checkDiff';
import { useI18n } from '../../i18n/I18nProvider';
import { AreaFigures } from '../compliance/AreaFigures';
import { formatDateTime } from '../formatDateTime';
import { useResource } from '../useResource';
import { CheckDiffView } from './CheckDiffView';
import { ResourceSection } from './ResourceSection';

export function ComplianceRunsSection({ runs }: { runs: CheckSummary[] }) {
  const { t, locale } = useI18n();
  // the two ticked, in the order ticked; the older one is the diff's "from"
  const [ticked, setTicked] = useState<string[]>([]);
  const pair =
    ticked.length === 2
      ? [...ticked].sort(
          (a, b) =>
            Date.parse(runs.find((r) => r.id === a)?.createdAt ?? '') -
            Date.parse(runs.find((r) => r.id === b)?.createdAt ?? ''),
        )
      : null;
  const { resource: diff, reload } = useResource(pair ? `check-diff:${pair.join(':')}` : null, (signal) =>
    fetchCheckDiff(pair![0]!, pair![1]!, signal),
  );
  if (runs.length === 0) return <p className="ob-hint">{t('projects.compliance.none')}</p>;
  const toggle = (id: string) =>
    setTicked((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id].slice(-2)));
  return (
    <>
      {runs.length > 1 && <p className="ob-hint">{t('projects.compliance.pickTwo')}</p>}
      <ul className="ob-projects-runs" data-testid="compliance-runs">
        {runs.map((run) => (
          <li key={run.id} data-testid={`compliance-run-${run.id}`}>
            <label>
              {runs.length > 1 && (
                <input
                  type="checkbox"
                  checked={ticked.includes(run.id)}
                  data-testid={`compliance-run-pick-${run.id}`}
                  onChange={() => toggle(run.id)}
                />
              )}
              <span className={`ob-projects-verdict ob-projects-verdict-${verdictClass(run.verdict)}`}>
                {run.verdict}
              </span>
              <span>{formatDateTime(run.createdAt, locale)}</span>
            </label>
            <div className="ob-hint">
              <AreaFigures areaM2={run.siteAreaM2} /> · {t('projects.compliance.ruleSet', run.ruleSet)} ·{' '}
              <span className="ob-projects-code" title={run.verificationCode}>
                {t('projects.compliance.verification', { code: run.verificationCode.slice(0, 12) })}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {diff.status !== 'idle' && (
        <ResourceSection
          resource={diff}
          onRetry={reload}
          failed="projects.compliance.diffFailed"
          testId="check-diff"
        >
          {(d) => <CheckDiffView diff={d} />}
        </ResourceSection>
      )}
    </>
  );
}

function verdictClass(verdict: string): string {
  return verdict === '通过' ? 'pass' : verdict === '不通过' ? 'fail' : 'conditional';
}
