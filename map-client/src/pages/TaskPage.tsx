// A planning task from the department's side (route "/inbox/:taskId"): the map with the project's current
// site and the departments' drawings, the task with where each department stands, and for a department
// invited to an open task the opinion form (a second opinion revises the first).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MultiPolygon, Polygon } from 'geojson';
import { fetchPlanningCatalogue, fetchTask, type PlanningTask } from '../api/planning';
import { fetchSiteVersions, fetchSiteVersion } from '../api/projects';
import { useSiteEditor } from '../components/compliance/useSiteEditor';
import { Header } from '../components/Header';
import { BackgroundMapView } from '../components/BackgroundMapView';
import { PROJECT_MAP_STYLES } from '../components/projects/mapStyles';
import { OpinionForm } from '../components/projects/OpinionForm';
import { PlanningSection } from '../components/projects/PlanningSection';
import { ResourceSection } from '../components/projects/ResourceSection';
import { useGeometryLayer, type ShownGeometry } from '../components/projects/useGeometryLayer';
import { toViewGeometry } from '../map/cgcs2000Geometry';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { useBackgroundMap } from './useBackgroundMap';

export function TaskPage() {
  const { t } = useI18n();
  const taskId = Number(useParams().taskId);
  const session = useSession();
  const background = useBackgroundMap();
  const { layers, layerNames, map, projectionsReady } = background;

  const { resource: loaded, reload } = useResource(`task:${taskId}`, (signal) => fetchTask(taskId, signal));
  // the answer to a submission is the task as it now stands
  const [answered, setAnswered] = useState<PlanningTask | null>(null);
  const task = answered?.id === taskId ? answered : loaded.status === 'ready' ? loaded.value : null;
  const { resource: catalogue, reload: reloadCatalogue } = useResource(
    'planning-catalogue',
    fetchPlanningCatalogue,
  );
  const projectCode = task?.project.code ?? null;
  const { resource: site, reload: reloadSite } = useResource(
    projectCode && `task-site:${projectCode}`,
    async (signal) => {
      const versions = await fetchSiteVersions(projectCode!, signal);
      const current = versions.find((v) => v.current) ?? versions[0];
      return current ? fetchSiteVersion(projectCode!, current.version, signal) : null;
    },
  );

  const [drawn, setDrawn] = useState<Polygon | MultiPolygon | null>(null);
  const editor = useSiteEditor(map, setDrawn);
  const [selectedOpinion, setSelectedOpinion] = useState<number | null>(null);

  const shown = useMemo<ShownGeometry[]>(() => {
    if (!projectionsReady) return [];
    const items: ShownGeometry[] = [];
    if (site.status === 'ready' && site.value)
      items.push({ id: 'site', kind: 'siteOutline', geometry: site.value.geometry });
    for (const o of task?.opinions ?? [])
      if (o.geometry)
        items.push({
          id: `opinion-${o.id}`,
          kind: o.id === selectedOpinion ? 'selected' : 'opinion',
          geometry: o.geometry,
        });
    return items;
  }, [projectionsReady, site, task, selectedOpinion]);
  useGeometryLayer(map, 'task-geometries', shown, PROJECT_MAP_STYLES, 9_000);

  // the view goes to the site once it is known
  const fittedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!map || !projectionsReady || site.status !== 'ready' || !site.value) return;
    if (fittedFor.current === projectCode) return;
    const geometry = toViewGeometry(site.value.geometry);
    if (!geometry) return;
    fittedFor.current = projectCode;
    map.getView().fit(geometry.getExtent(), { padding: [60, 60, 60, 60], maxZoom: 18 });
  }, [map, projectionsReady, site, projectCode]);

  const department = session.user?.department?.code ?? null;
  const mine = task?.departments.find((d) => d.code === department);
  const mayAnswer = Boolean(task && task.status === 'open' && mine && session.can('planning.comment'));
  const previous = task?.opinions.find((o) => o.department.code === department) ?? null;

  return (
    <div className="ob-page">
      <Header />
      <main className="ob-main ob-projects-main" data-testid="task-page" data-task-id={taskId}>
        <div className="ob-projects-map">
          <BackgroundMapView background={background}>
            {site.status === 'error' && (
              <ResourceSection
                resource={site}
                onRetry={reloadSite}
                failed="projects.site.geometryFailed"
                testId="task-site"
              >
                {() => null}
              </ResourceSection>
            )}
          </BackgroundMapView>
        </div>
        <aside className="ob-projects-panel" aria-label={t('projects.task.title')}>
          <p className="ob-projects-back">
            <Link to="/inbox">{t('projects.task.back')}</Link>
          </p>
          <ResourceSection resource={loaded} onRetry={reload} failed="projects.task.failed" testId="task">
            {() =>
              task && (
                <>
                  <section className="ob-projects-section">
                    <h2 className="ob-projects-name" data-testid="task-title">
                      {task.title}
                    </h2>
                    <p>
                      <Link
                        to={`/projects/${encodeURIComponent(task.project.code)}`}
                        data-testid="task-project-link"
                      >
                        {task.project.name}
                      </Link>{' '}
                      <span className="ob-projects-code">{task.project.code}</span>
                    </p>
                  </section>
                  <section className="ob-projects-section" data-testid="task-opinion-section">
                    <h3>{previous ? t('projects.task.revise') : t('projects.task.answer')}</h3>
                    {!mayAnswer ? (
                      <p className="ob-hint" data-testid="task-not-answerable">
                        {task.status !== 'open' ? t('projects.task.closed') : t('projects.task.notInvited')}
                      </p>
                    ) : (
                      <ResourceSection
                        resource={catalogue}
                        onRetry={reloadCatalogue}
                        failed="projects.form.catalogueFailed"
                        testId="planning-catalogue"
                      >
                        {(value) => (
                          <OpinionForm
                            key={task.id}
                            task={task}
                            catalogue={value}
                            layers={layers}
                            previous={previous}
                            editor={editor}
                            geometry={drawn}
                            onSubmitted={setAnswered}
                          />
                        )}
                      </ResourceSection>
                    )}
                  </section>
                  <section className="ob-projects-section">
                    <h3>{t('projects.task.opinions')}</h3>
                    <PlanningSection
                      layerNames={layerNames}
                      tasks={[task]}
                      selectedOpinion={selectedOpinion}
                      onSelectOpinion={setSelectedOpinion}
                      hideAnswerLink
                    />
                  </section>
                </>
              )
            }
          </ResourceSection>
        </aside>
      </main>
    </div>
  );
}
