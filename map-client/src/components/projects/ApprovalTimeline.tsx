// The approval records (审批记录) as a timeline by stage, in the order of the process: each item with its
// department, acceptance, due date (working days), decision, and the warning when it is near its limit,
// past it, or was decided late (效能督察).
import { PROJECT_STAGES, type ApprovalRecord } from '../../api/projects';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../formatDateTime';

export function ApprovalTimeline({ records }: { records: ApprovalRecord[] }) {
  const { t, locale } = useI18n();
  if (records.length === 0) return <p className="ob-hint">{t('projects.approvals.none')}</p>;
  const stages = PROJECT_STAGES.map((stage) => ({
    stage,
    records: records.filter((r) => r.stage === stage),
  })).filter((s) => s.records.length > 0);
  return (
    <ol className="ob-projects-stages" data-testid="approval-timeline">
      {stages.map(({ stage, records: inStage }) => (
        <li key={stage} className="ob-projects-stage" data-testid={`approval-stage-${stage}`}>
          <h4>{inStage[0]!.stageName}</h4>
          <ul className="ob-projects-approvals">
            {inStage.map((r) => (
              <li
                key={r.id}
                className={`ob-projects-approval ob-projects-approval-${r.warning?.level ?? r.status}`}
                data-testid={`approval-${r.id}`}
                data-warning={r.warning?.level ?? ''}
              >
                <div className="ob-projects-approval-head">
                  <strong>{r.item}</strong>
                  <span className="ob-projects-tag">
                    {t(`projects.approvalStatus.${statusKey(r.status)}`)}
                  </span>
                  {r.warning && (
                    <span
                      className={`ob-projects-tag ${r.warning.level === 'near_limit' ? 'ob-projects-tag-warning' : 'ob-projects-tag-danger'}`}
                      title={r.warning.message}
                    >
                      {t(`projects.warning.${r.warning.level}`)}
                    </span>
                  )}
                </div>
                <div className="ob-hint">
                  {r.department.name} ·{' '}
                  {t('projects.approvals.accepted', { at: formatDateTime(r.acceptedAt, locale) })} ·{' '}
                  {t('projects.approvals.due', { date: r.dueDate, days: r.timeLimitWorkingDays })}
                </div>
                <div className="ob-hint">
                  {r.decidedAt
                    ? t('projects.approvals.decided', {
                        at: formatDateTime(r.decidedAt, locale),
                        days: r.workingDaysUsed,
                      })
                    : (r.workingDaysLeft ?? 0) < 0
                      ? t('projects.approvals.pastBy', { days: -(r.workingDaysLeft ?? 0) })
                      : t('projects.approvals.left', { days: r.workingDaysLeft ?? 0 })}
                  {r.documentNo ? ` · ${r.documentNo}` : ''}
                  {r.result ? ` · ${r.result}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

const STATUSES = ['in_progress', 'approved', 'rejected', 'withdrawn'] as const;

function statusKey(status: string): (typeof STATUSES)[number] {
  return (STATUSES as readonly string[]).includes(status)
    ? (status as (typeof STATUSES)[number])
    : 'in_progress';
}
