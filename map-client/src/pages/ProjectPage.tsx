// The project page (route "/projects/:code"): the map with the project's site and a timeline slider through
// its versions (the diff to the version before coloured), the planning tasks with each department's opinion
// and drawing, the approval records as a timeline by stage, and the compliance runs with the diff of two.
// Each part loads on its own; a failed one says so in Chinese with a retry and the others stay.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fetchChecks } from '../api/compliance';
import { fetchProjectTasks } from '../api/planning';
import { fetchApprovals, fetchProject } from '../api/projects';
import { Header } from '../components/Header';
import { BackgroundMapView } from '../components/BackgroundMapView';
import { ApprovalTimeline } from '../components/projects/ApprovalTimeline';
import { ComplianceRunsSection } from '../components/projects/ComplianceRunsSection';
import { PROJECT_MAP_STYLES } from '../components/projects/mapStyles';
import { PlanningSection } from '../components/projects/PlanningSection';
import { ProjectFacts } from '../components/projects/ProjectFacts';
import { ResourceSection } from '../components/projects/ResourceSection';
import { SiteTimeline } from '../components/projects/SiteTimeline';
import { useGeometryLayer, type ShownGeometry } from '../components/projects/useGeometryLayer';
import { toViewGeometry } from '../map/cgcs2000Geometry';
import { useSiteHistory } from '../components/projects/useSiteHistory';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { useBackgroundMap } from './useBackgroundMap';

/** [top, right, bottom, left]: the timeline floats over the bottom of the map */
const FIT_PADDING_PX = [48, 64, 300, 48];

export function ProjectPage() {
  const { t } = useI18n();
  const code = useParams().code ?? '';
  const session = useSession();
  const background = useBackgroundMap();
  const { layerNames, map, projectionsReady } = background;

  const { resource: project, reload: reloadProject } = useResource(`project:${code}`, (signal) =>
    fetchProject(code, signal),
  );
  const history = useSiteHistory(code);
  const { resource: tasks, reload: reloadTasks } = useResource(`planning:${code}`, (signal) =>
    fetchProjectTasks(code, signal),
  );
  const { resource: approvals, reload: reloadApprovals } = useResource(`approvals:${code}`, (signal) =>
    fetchApprovals(code, signal),
  );
  const mayCheck = session.can('compliance.run');
  const { resource: runs, reload: reloadRuns } = useResource(mayCheck ? `runs:${code}` : null, (signal) =>
    fetchChecks({ projectCode: code, limit: 20 }, signal),
  );
  const [selectedOpinion, setSelectedOpinion] = useState<number | null>(null);

  // the chosen site version and its diff to the one before
  const siteShown = useMemo<ShownGeometry[]>(() => {
    if (!projectionsReady || history.site.status !== 'ready') return [];
    const shown: ShownGeometry[] = [{ id: 'site', kind: 'site', geometry: history.site.value.geometry }];
    const diff = history.diff?.status === 'ready' ? history.diff.value : null;
    if (diff?.added.geometry) shown.push({ id: 'added', kind: 'added', geometry: diff.added.geometry });
    if (diff?.removed.geometry)
      shown.push({ id: 'removed', kind: 'removed', geometry: diff.removed.geometry });
    return shown;
  }, [projectionsReady, history.site, history.diff]);
  useGeometryLayer(map, 'project-site', siteShown, PROJECT_MAP_STYLES, 9_000);

  // the departments' drawings, the selected one on top
  const opinionsShown = useMemo<ShownGeometry[]>(() => {
    if (!projectionsReady || tasks.status !== 'ready') return [];
    return tasks.value
      .flatMap((task) => task.opinions)
      .flatMap((o) =>
        o.geometry
          ? [
              {
                id: `opinion-${o.id}`,
                kind: o.id === selectedOpinion ? 'selected' : 'opinion',
                geometry: o.geometry,
              },
            ]
          : [],
      )
      .sort((a, b) => Number(a.kind === 'selected') - Number(b.kind === 'selected'));
  }, [projectionsReady, tasks, selectedOpinion]);
  useGeometryLayer(map, 'planning-opinions', opinionsShown, PROJECT_MAP_STYLES, 9_500);

  // the view fits the site once per project, and the selected opinion's drawing when one is chosen
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !projectionsReady || history.site.status !== 'ready' || fitted.current === code) return;
    const geometry = toViewGeometry(history.site.value.geometry);
    if (!geometry) return;
    fitted.current = code;
    map.getView().fit(geometry.getExtent(), { padding: FIT_PADDING_PX, maxZoom: 18 });
  }, [map, projectionsReady, history.site, code]);
  useEffect(() => {
    const shown = opinionsShown.find((s) => s.kind === 'selected');
    const geometry = shown && toViewGeometry(shown.geometry);
    if (map && geometry)
      map.getView().fit(geometry.getExtent(), { padding: FIT_PADDING_PX, maxZoom: 18, duration: 300 });
  }, [map, opinionsShown]);

  return (
    <div className="ob-page">
      <Header />
      <main className="ob-main ob-projects-main" data-testid="project-page" data-code={code}>
        <div className="ob-projects-map">
          <BackgroundMapView background={background} />
          <section className="ob-projects-timeline-panel" aria-label={t('projects.site.title')}>
            <ResourceSection
              resource={history.versions}
              onRetry={history.reloadVersions}
              failed="projects.site.failed"
              testId="site-versions"
            >
              {() =>
                history.chosen === null ? (
                  <p className="ob-hint" data-testid="site-none">
                    {t('projects.site.none')}
                  </p>
                ) : (
                  <>
                    <SiteTimeline
                      versions={history.oldestFirst}
                      chosen={history.chosen}
                      onChoose={history.choose}
                      diff={history.diff}
                      onRetryDiff={history.reloadDiff}
                    />
                    {history.site.status === 'error' && (
                      <ResourceSection
                        resource={history.site}
                        onRetry={history.reloadSite}
                        failed="projects.site.geometryFailed"
                        testId="site-geometry"
                      >
                        {() => null}
                      </ResourceSection>
                    )}
                  </>
                )
              }
            </ResourceSection>
          </section>
        </div>
        <aside className="ob-projects-panel" aria-label={t('projects.page.title')}>
          <p className="ob-projects-back">
            <Link to="/projects">{t('projects.page.back')}</Link>
          </p>
          <section className="ob-projects-section" data-testid="project-record">
            <ResourceSection
              resource={project}
              onRetry={reloadProject}
              failed="projects.page.failed"
              testId="project-record"
            >
              {(p) => <ProjectFacts project={p} />}
            </ResourceSection>
          </section>
          <section className="ob-projects-section" data-testid="planning-section">
            <h3>{t('projects.planning.title')}</h3>
            <ResourceSection
              resource={tasks}
              onRetry={reloadTasks}
              failed="projects.planning.failed"
              testId="planning"
            >
              {(value) => (
                <PlanningSection
                  layerNames={layerNames}
                  tasks={value}
                  selectedOpinion={selectedOpinion}
                  onSelectOpinion={setSelectedOpinion}
                />
              )}
            </ResourceSection>
          </section>
          <section className="ob-projects-section" data-testid="approvals-section">
            <h3>{t('projects.approvals.title')}</h3>
            <ResourceSection
              resource={approvals}
              onRetry={reloadApprovals}
              failed="projects.approvals.failed"
              testId="approvals"
            >
              {(records) => <ApprovalTimeline records={records} />}
            </ResourceSection>
          </section>
          {mayCheck && (
            <section className="ob-projects-section" data-testid="compliance-section">
              <h3>{t('projects.compliance.title')}</h3>
              <ResourceSection
                resource={runs}
                onRetry={reloadRuns}
                failed="projects.compliance.failed"
                testId="runs"
              >
                {(value) => <ComplianceRunsSection runs={value} />}
              </ResourceSection>
            </section>
          )}
        </aside>
      </main>
    </div>
  );
}
