// The project list (route "/projects"): the projects the user may read, searched by name, code or unit,
// filtered by stage and district, a page at a time; each links to its project page. The search and the
// filters live in the address (?q=&stage=&district=&page=), so a link reopens the same list.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fetchDistricts, fetchProjects, PROJECT_STAGES } from '../api/projects';
import { AreaFigures } from '../components/compliance/AreaFigures';
import { ContentPage } from '../components/ContentPage';
import { formatDateTime } from '../components/formatDateTime';
import { ResourceSection } from '../components/projects/ResourceSection';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';

const PAGE_SIZE = 20;

export function ProjectListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const stage = params.get('stage') ?? '';
  const district = params.get('district') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(q);

  const { resource: districts } = useResource('districts', fetchDistricts);
  const key = `projects:${q}:${stage}:${district}:${page}`;
  const { resource, reload } = useResource(key, (signal) =>
    fetchProjects({ q, stage, district, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
  );

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    update({ q: typed.trim() });
  };

  return (
    <ContentPage>
      <h2 className="ob-page-title">{t('projects.list.title')}</h2>
      <section className="ob-section" data-testid="project-list">
        <form className="ob-toolbar ob-projects-filters" onSubmit={search} role="search">
          <label className="ob-inline-field">
            <span>{t('projects.list.search')}</span>
            <input
              type="search"
              value={typed}
              data-testid="project-search"
              placeholder={t('projects.list.searchPlaceholder')}
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
          <button type="submit" className="ob-button" data-testid="project-search-submit">
            {t('projects.list.searchButton')}
          </button>
          <label className="ob-inline-field">
            <span>{t('projects.field.stage')}</span>
            <select
              value={stage}
              data-testid="project-stage-filter"
              onChange={(e) => update({ stage: e.target.value })}
            >
              <option value="">{t('projects.list.all')}</option>
              {PROJECT_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`projects.stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="ob-inline-field">
            <span>{t('projects.field.district')}</span>
            <select
              value={district}
              data-testid="project-district-filter"
              onChange={(e) => update({ district: e.target.value })}
            >
              <option value="">{t('projects.list.all')}</option>
              {districts.status === 'ready' &&
                districts.value.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
            </select>
          </label>
        </form>
        <ResourceSection resource={resource} onRetry={reload} failed="projects.list.failed" testId="projects">
          {(list) =>
            list.projects.length === 0 ? (
              <p className="ob-muted" data-testid="projects-empty">
                {t('projects.list.empty')}
              </p>
            ) : (
              <>
                <p className="ob-muted" data-testid="projects-count" data-count={list.numberMatched}>
                  {t('projects.list.count', { count: list.numberMatched })}
                </p>
                <div className="ob-projects-table-wrap">
                  <table className="ob-table ob-projects-table">
                    <thead>
                      <tr>
                        <th>{t('projects.field.name')}</th>
                        <th>{t('projects.field.code')}</th>
                        <th>{t('projects.field.unit')}</th>
                        <th>{t('projects.field.district')}</th>
                        <th>{t('projects.field.stage')}</th>
                        <th>{t('projects.field.siteArea')}</th>
                        <th>{t('projects.field.updatedAt')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.projects.map((p) => (
                        <tr key={p.code} data-testid={`project-row-${p.code}`}>
                          <td>
                            <Link to={`/projects/${encodeURIComponent(p.code)}`}>{p.name}</Link>
                          </td>
                          <td className="ob-projects-code">{p.code}</td>
                          <td>{p.constructionUnit}</td>
                          <td>{p.districtName ?? p.districtCode}</td>
                          <td>{t(`projects.stage.${p.stage}`)}</td>
                          <td>{p.siteAreaM2 === null ? '—' : <AreaFigures areaM2={p.siteAreaM2} />}</td>
                          <td>{formatDateTime(p.updatedAt, locale)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <nav className="ob-projects-pager" aria-label={t('projects.list.pages')}>
                  <button
                    type="button"
                    className="ob-button"
                    disabled={page <= 1}
                    data-testid="projects-previous"
                    onClick={() => update({ page: String(page - 1) })}
                  >
                    {t('projects.list.previous')}
                  </button>
                  <span>
                    {t('projects.list.page', {
                      page,
                      pages: Math.max(1, Math.ceil(list.numberMatched / PAGE_SIZE)),
                    })}
                  </span>
                  <button
                    type="button"
                    className="ob-button"
                    disabled={page * PAGE_SIZE >= list.numberMatched}
                    data-testid="projects-next"
                    onClick={() => update({ page: String(page + 1) })}
                  >
                    {t('projects.list.next')}
                  </button>
                </nav>
              </>
            )
          }
        </ResourceSection>
      </section>
    </ContentPage>
  );
}
