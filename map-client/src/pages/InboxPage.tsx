// The department inbox (route "/inbox"): the open planning tasks waiting for the signed-in user's
// department, nearest deadline first, those past their deadline flagged; each opens its opinion form.
import { Link } from 'react-router';
import { fetchInbox } from '../api/planning';
import { ContentPage } from '../components/ContentPage';
import { ResourceSection } from '../components/projects/ResourceSection';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';

const SHOWN = 200;

export function InboxPage() {
  const { t } = useI18n();
  const session = useSession();
  const { resource, reload } = useResource(`inbox:${session.user?.username ?? ''}`, (signal) =>
    fetchInbox(SHOWN, signal),
  );
  return (
    <ContentPage>
      <h2 className="ob-page-title">
        {t('projects.inbox.title', { department: session.user?.department?.name ?? '' })}
      </h2>
      <section className="ob-section" data-testid="inbox">
        <ResourceSection resource={resource} onRetry={reload} failed="projects.inbox.failed" testId="inbox">
          {({ total, tasks }) =>
            tasks.length === 0 ? (
              <p className="ob-muted" data-testid="inbox-empty">
                {t('projects.inbox.empty')}
              </p>
            ) : (
              <>
                <p className="ob-muted" data-testid="inbox-count" data-count={total}>
                  {t('projects.inbox.count', { count: total })}
                </p>
                <div className="ob-projects-table-wrap">
                  <table className="ob-table ob-projects-table">
                    <thead>
                      <tr>
                        <th>{t('projects.inbox.task')}</th>
                        <th>{t('projects.field.name')}</th>
                        <th>{t('projects.inbox.lead')}</th>
                        <th>{t('projects.inbox.deadline')}</th>
                        <th>
                          <span className="ob-projects-visually-hidden">{t('projects.inbox.open')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {tasks.map((task) => (
                        <tr
                          key={task.id}
                          data-testid={`inbox-task-${task.id}`}
                          data-overdue={task.deadlinePassed}
                          className={task.deadlinePassed ? 'ob-projects-row-overdue' : undefined}
                        >
                          <td>{task.title}</td>
                          <td>
                            <Link to={`/projects/${encodeURIComponent(task.project.code)}`}>
                              {task.project.name}
                            </Link>
                            <div className="ob-projects-code">{task.project.code}</div>
                          </td>
                          <td>{task.leadDepartment.name}</td>
                          <td>
                            {task.deadline}
                            {task.deadlinePassed && (
                              <span
                                className="ob-projects-tag ob-projects-tag-danger"
                                data-testid="inbox-overdue"
                              >
                                {t('projects.planning.overdue')}
                              </span>
                            )}
                          </td>
                          <td>
                            <Link
                              to={`/inbox/${task.id}`}
                              className="ob-button ob-button-primary"
                              data-testid={`inbox-open-${task.id}`}
                            >
                              {t('projects.inbox.open')}
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )
          }
        </ResourceSection>
      </section>
    </ContentPage>
  );
}
