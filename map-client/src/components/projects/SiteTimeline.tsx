// The timeline of a project's site: a slider through its versions, oldest on the left; the chosen version's
// reason, date, author and ellipsoidal area in m², 公顷 and 亩, and what changed from the version before it
// (the parts added and removed, drawn on the map in their colours).
import type { SiteDiff, SiteVersionSummary } from '../../api/projects';
import { useI18n } from '../../i18n/I18nProvider';
import { AreaFigures } from '../compliance/AreaFigures';
import { formatDateTime } from '../formatDateTime';
import type { Resource } from '../useResource';
import { ResourceSection } from './ResourceSection';

interface Props {
  /** oldest first */
  versions: SiteVersionSummary[];
  chosen: number;
  onChoose: (version: number) => void;
  diff: Resource<SiteDiff> | null;
  onRetryDiff: () => void;
}

export function SiteTimeline({ versions, chosen, onChoose, diff, onRetryDiff }: Props) {
  const { t, locale } = useI18n();
  const index = Math.max(
    0,
    versions.findIndex((v) => v.version === chosen),
  );
  const version = versions[index];
  if (!version) return <p className="ob-hint">{t('projects.site.none')}</p>;
  return (
    <div className="ob-projects-timeline" data-testid="site-timeline" data-version={version.version}>
      <div className="ob-projects-timeline-head">
        <label htmlFor="site-version-slider">{t('projects.site.timeline')}</label>
        <span data-testid="site-version-label">
          {t('projects.site.versionOf', { version: version.version, count: versions.length })}
          {version.current && <span className="ob-projects-tag">{t('projects.site.current')}</span>}
        </span>
      </div>
      <input
        id="site-version-slider"
        type="range"
        min={0}
        max={versions.length - 1}
        step={1}
        value={index}
        disabled={versions.length < 2}
        data-testid="site-version-slider"
        aria-valuetext={t('projects.site.versionOf', { version: version.version, count: versions.length })}
        onChange={(event) => {
          const next = versions[Number(event.target.value)];
          if (next) onChoose(next.version);
        }}
      />
      <ol className="ob-projects-timeline-ticks" aria-hidden="true">
        {versions.map((v) => (
          <li key={v.version} className={v.version === version.version ? 'ob-projects-tick-on' : undefined}>
            {formatDateTime(v.createdAt, locale).slice(0, 10)}
          </li>
        ))}
      </ol>
      <dl className="ob-projects-facts">
        <dt>{t('projects.site.reason')}</dt>
        <dd data-testid="site-version-reason">{version.reason}</dd>
        <dt>{t('projects.site.changedAt')}</dt>
        <dd>
          {formatDateTime(version.createdAt, locale)}
          {version.createdBy ? ` · ${version.createdBy}` : ''}
        </dd>
        <dt>{t('projects.site.area')}</dt>
        <dd>
          <AreaFigures areaM2={version.areaM2} testId="site-version-area" />
        </dd>
        {version.check && (
          <>
            <dt>{t('projects.site.check')}</dt>
            <dd data-testid="site-version-check">{version.check.verdict}</dd>
          </>
        )}
      </dl>
      {diff && (
        <div className="ob-projects-diff" data-testid="site-diff">
          <ResourceSection
            resource={diff}
            onRetry={onRetryDiff}
            failed="projects.site.diffFailed"
            testId="site-diff"
          >
            {(d) =>
              d.same ? (
                <p className="ob-hint">{t('projects.site.diffSame', { from: d.from.version })}</p>
              ) : (
                <>
                  <p className="ob-hint">{t('projects.site.diffFrom', { from: d.from.version })}</p>
                  <p className="ob-projects-diff-line">
                    <span className="ob-projects-swatch ob-projects-swatch-added" aria-hidden="true" />
                    {t('projects.site.added')}{' '}
                    <AreaFigures areaM2={d.added.areaM2} testId="site-diff-added" />
                  </p>
                  <p className="ob-projects-diff-line">
                    <span className="ob-projects-swatch ob-projects-swatch-removed" aria-hidden="true" />
                    {t('projects.site.removed')}{' '}
                    <AreaFigures areaM2={d.removed.areaM2} testId="site-diff-removed" />
                  </p>
                </>
              )
            }
          </ResourceSection>
        </div>
      )}
    </div>
  );
}
