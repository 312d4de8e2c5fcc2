// One department's opinion: who and when, the text, the construction conditions with what the map check
// found, the assessments required, the attachments, and (when it drew one) a button to highlight its
// geometry on the map.
import type { Opinion } from '../../api/planning';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes } from '../compliance/AreaFigures';
import { formatDateTime } from '../formatDateTime';

interface Props {
  opinion: Opinion;
  /** layer names by code, for the layer a setback is measured from */
  layerNames: ReadonlyMap<string, string>;
  selected: boolean;
  onSelect: (opinionId: number | null) => void;
}

function conditionValue(c: Opinion['conditions'][number], layerNames: ReadonlyMap<string, string>): string {
  if (c.value === null) return c.text ?? '';
  const figure = `${c.comparison ?? ''}${c.value}${c.unit ?? ''}`;
  const layer = c.layer ? (layerNames.get(c.layer) ?? c.layer) : null;
  return [layer ? `${layer} ${figure}` : figure, c.text].filter(Boolean).join('，');
}

export function OpinionCard({ opinion, layerNames, selected, onSelect }: Props) {
  const { t, locale } = useI18n();
  return (
    <article
      className={`ob-projects-opinion${selected ? ' ob-projects-opinion-selected' : ''}`}
      data-testid={`opinion-${opinion.department.code}`}
      data-opinion-id={opinion.id}
      data-selected={selected}
    >
      <header className="ob-projects-opinion-head">
        <strong>{opinion.department.name}</strong>
        <span className="ob-muted">
          {opinion.author?.displayName ?? ''} {formatDateTime(opinion.createdAt, locale)}
        </span>
        {opinion.late && (
          <span className="ob-projects-tag ob-projects-tag-warning">{t('projects.opinion.late')}</span>
        )}
        {opinion.supersedesId !== null && (
          <span className="ob-projects-tag">{t('projects.opinion.revised')}</span>
        )}
      </header>
      <p className="ob-projects-opinion-text">{opinion.text}</p>
      {opinion.conditions.length > 0 && (
        <>
          <h5>{t('projects.opinion.conditions')}</h5>
          <ul className="ob-projects-list" data-testid="opinion-conditions">
            {opinion.conditions.map((c, i) => (
              <li key={i}>
                {c.name}：{conditionValue(c, layerNames)}
                {c.check && (
                  <span
                    className={`ob-projects-check ob-projects-check-${c.check.status}`}
                    title={c.check.note}
                  >
                    {t(`projects.check.${c.check.status}`)}
                    {c.check.distanceM !== null ? `（${c.check.distanceM} m）` : ''}
                    {c.check.planValue != null
                      ? t('projects.check.planValue', { value: c.check.planValue })
                      : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {opinion.requiredAssessments.length > 0 && (
        <>
          <h5>{t('projects.opinion.assessments')}</h5>
          <p>{opinion.requiredAssessments.map((a) => a.name).join('、')}</p>
        </>
      )}
      {opinion.attachments.length > 0 && (
        <>
          <h5>{t('projects.opinion.attachments')}</h5>
          <ul className="ob-projects-list">
            {opinion.attachments.map((a) => (
              <li key={a.sha256}>
                <a href={a.url} download={a.name}>
                  {a.name}
                </a>{' '}
                <span className="ob-muted">{formatBytes(a.sizeBytes)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {opinion.geometry && (
        <button
          type="button"
          className="ob-button"
          aria-pressed={selected}
          data-testid={`opinion-show-${opinion.department.code}`}
          onClick={() => onSelect(selected ? null : opinion.id)}
        >
          {selected ? t('projects.opinion.hideGeometry') : t('projects.opinion.showGeometry')}
        </button>
      )}
    </article>
  );
}
