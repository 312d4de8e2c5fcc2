// The project's planning tasks (项目策划生成), newest first: the deadline and whether it has passed, where
// each invited department stands, each department's current opinion (select one to highlight its drawing
// on the map), the lead's consolidated conclusion and, once concluded, the 策划意见书 downloads. A user
// whose department is invited to an open task gets the way to its opinion form.
import { Link } from 'react-router';
import type { PlanningTask } from '../../api/planning';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { formatDateTime } from '../formatDateTime';
import { OpinionCard } from './OpinionCard';
import { OpinionDocumentButtons } from './OpinionDocumentButtons';

interface Props {
  tasks: PlanningTask[];
  layerNames: ReadonlyMap<string, string>;
  selectedOpinion: number | null;
  onSelectOpinion: (opinionId: number | null) => void;
  /** on the task's own page, where the form is already open */
  hideAnswerLink?: boolean;
}

export function PlanningSection({
  tasks,
  layerNames,
  selectedOpinion,
  onSelectOpinion,
  hideAnswerLink = false,
}: Props) {
  const { t, locale } = useI18n();
  const session = useSession();
  const department = session.user?.department?.code ?? null;
  if (tasks.length === 0) return <p className="ob-hint">{t('projects.planning.none')}</p>;
  return (
    <>
      {tasks.map((task) => {
        const mine = task.departments.find((d) => d.code === department);
        const mayAnswer =
          !hideAnswerLink && task.status === 'open' && mine !== undefined && session.can('planning.comment');
        return (
          <div key={task.id} className="ob-projects-task" data-testid={`planning-task-${task.id}`}>
            <h4>
              {task.title}{' '}
              <span className={`ob-projects-tag${task.status === 'open' ? '' : ' ob-projects-tag-done'}`}>
                {t(task.status === 'open' ? 'projects.planning.open' : 'projects.planning.concluded')}
              </span>
            </h4>
            <p className="ob-hint">
              {t('projects.planning.lead', { name: task.leadDepartment.name })} ·{' '}
              {t('projects.planning.deadline', { date: task.deadline })}
              {task.status === 'open' && task.deadlinePassed && (
                <span className="ob-projects-tag ob-projects-tag-danger">
                  {t('projects.planning.overdue')}
                </span>
              )}
            </p>
            <ul className="ob-projects-standings" aria-label={t('projects.planning.departments')}>
              {task.departments.map((d) => (
                <li
                  key={d.code}
                  className={`ob-projects-standing-${d.standing}`}
                  data-testid={`standing-${d.code}`}
                >
                  {d.name}：{t(`projects.standing.${d.standing}`)}
                </li>
              ))}
            </ul>
            {mayAnswer && (
              <Link
                to={`/inbox/${task.id}`}
                className="ob-button ob-button-primary"
                data-testid={`answer-task-${task.id}`}
              >
                {t(mine.opinionId === null ? 'projects.planning.answer' : 'projects.planning.revise')}
              </Link>
            )}
            {task.opinions.map((opinion) => (
              <OpinionCard
                key={opinion.id}
                opinion={opinion}
                layerNames={layerNames}
                selected={opinion.id === selectedOpinion}
                onSelect={onSelectOpinion}
              />
            ))}
            {task.conclusion !== null && (
              <div className="ob-projects-conclusion" data-testid={`conclusion-${task.id}`}>
                <h5>{t('projects.planning.conclusion')}</h5>
                <p>{task.conclusion}</p>
                <p className="ob-hint">
                  {formatDateTime(task.concludedAt, locale)} {task.concludedBy ?? ''}
                </p>
                <OpinionDocumentButtons taskId={task.id} />
              </div>
            )}
          </div>
        );
      })}
    </>
  );
}
