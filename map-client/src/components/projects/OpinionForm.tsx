// A department's opinion on a planning task: the text, construction conditions and required assessments
// from the catalogue, attachments (sent with the upload's progress; a file over the limit refused before
// sending), and a geometry drawn on the map. A second opinion of the same department is a revision that
// supersedes the first; the server says what is wrong and which field, shown in place.
import { useState, type FormEvent } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  submitOpinion,
  type Opinion,
  type OpinionConditionInput,
  type PlanningCatalogue,
  type PlanningTask,
} from '../../api/planning';
import type { LayerSummary } from '../../api/types';
import { ellipsoidAreaM2 } from '../../compliance/ellipsoidArea';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';
import { AreaFigures, formatBytes } from '../compliance/AreaFigures';
import type { SiteEditor } from '../compliance/useSiteEditor';
import { AttachmentPicker } from './AttachmentPicker';
import { conditionInput, type ConditionDraft } from './conditionDraft';
import { ConditionRows } from './ConditionRows';

/** the server takes at most this many files with one opinion (spatial-api/routes/opinion-upload.ts) */
const MAX_ATTACHMENTS = 10;

type SendState =
  | { status: 'idle' }
  | { status: 'sending'; sent: number; total: number }
  | { status: 'error'; error: unknown }
  | { status: 'done'; opinion: Opinion };

interface Props {
  task: PlanningTask;
  catalogue: PlanningCatalogue;
  layers: LayerSummary[];
  /** the department's current opinion, when this is a revision */
  previous: Opinion | null;
  editor: SiteEditor;
  geometry: Polygon | MultiPolygon | null;
  onSubmitted: (task: PlanningTask) => void;
}

export function OpinionForm({ task, catalogue, layers, previous, editor, geometry, onSubmitted }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(previous?.text ?? '');
  const [rows, setRows] = useState<ConditionDraft[]>([]);
  const [assessments, setAssessments] = useState<string[]>(
    previous?.requiredAssessments.flatMap((a) => (a.code ? [a.code] : [])) ?? [],
  );
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [send, setSend] = useState<SendState>({ status: 'idle' });
  const sending = send.status === 'sending';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('projects.form.textRequired'));
      return;
    }
    const conditions: OpinionConditionInput[] = [];
    for (const [i, row] of rows.entries()) {
      const input = conditionInput(
        row,
        catalogue.conditionKinds.find((k) => k.code === row.kind),
      );
      if ('missing' in input) {
        setProblem(t(`projects.form.conditionMissing.${input.missing}`, { index: i + 1 }));
        return;
      }
      conditions.push(input);
    }
    setProblem(null);
    setSend({ status: 'sending', sent: 0, total: 0 });
    submitOpinion(
      task.id,
      { text: text.trim(), conditions, requiredAssessments: assessments, geometry },
      files,
      (sent, total) => setSend({ status: 'sending', sent, total }),
    ).then(
      (result) => {
        // the files stay picked: a revision replaces the opinion whole, its files included
        setSend({ status: 'done', opinion: result.opinion });
        onSubmitted(result.task);
      },
      (error: unknown) => setSend({ status: 'error', error }),
    );
  };

  return (
    <form className="ob-projects-form" data-testid="opinion-form" data-status={send.status} onSubmit={submit}>
      {previous && (
        <p className="ob-hint" data-testid="opinion-revision">
          {t('projects.form.revision')}
        </p>
      )}
      <label className="ob-field">
        <span>{t('projects.form.text')}</span>
        <textarea
          rows={5}
          value={text}
          required
          disabled={sending}
          data-testid="opinion-text"
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <ConditionRows
        rows={rows}
        onRows={setRows}
        kinds={catalogue.conditionKinds}
        layers={layers}
        disabled={sending}
      />
      <fieldset className="ob-projects-fieldset" disabled={sending}>
        <legend>{t('projects.form.assessments')}</legend>
        <div className="ob-projects-checkboxes">
          {catalogue.assessments.map((a) => (
            <label key={a.code}>
              <input
                type="checkbox"
                checked={assessments.includes(a.code)}
                data-testid={`assessment-${a.code}`}
                onChange={(e) =>
                  setAssessments((now) =>
                    e.target.checked ? [...now, a.code] : now.filter((code) => code !== a.code),
                  )
                }
              />
              {a.name}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="ob-projects-fieldset" data-testid="opinion-geometry" data-drawing={editor.drawing}>
        <legend>{t('projects.form.geometry')}</legend>
        <p className="ob-hint">{t('projects.form.geometryLegend')}</p>
        <div className="ob-site-tools">
          {editor.drawing ? (
            <button type="button" className="ob-button" onClick={editor.cancelDrawing}>
              {t('projects.form.cancelDraw')}
            </button>
          ) : (
            <button
              type="button"
              className="ob-button"
              data-testid="opinion-draw"
              disabled={sending}
              onClick={editor.startDrawing}
            >
              {geometry ? t('projects.form.redraw') : t('projects.form.draw')}
            </button>
          )}
          {geometry && (
            <button type="button" className="ob-button" disabled={sending} onClick={editor.clear}>
              {t('projects.form.clearGeometry')}
            </button>
          )}
        </div>
        <p className="ob-hint">
          {editor.drawing
            ? t('projects.form.drawing')
            : geometry
              ? t('projects.form.editHint')
              : t('projects.form.noGeometry')}
        </p>
        {geometry && (
          <p data-testid="opinion-geometry-area">
            {t('projects.form.geometryArea')} <AreaFigures areaM2={ellipsoidAreaM2(geometry)} />
          </p>
        )}
      </fieldset>
      <AttachmentPicker
        files={files}
        onFiles={setFiles}
        maxBytes={catalogue.attachmentMaxBytes}
        maxFiles={MAX_ATTACHMENTS}
        disabled={sending}
      />
      {problem && (
        <p role="alert" className="ob-projects-error-line" data-testid="opinion-problem">
          {problem}
        </p>
      )}
      {send.status === 'sending' && (
        <div className="ob-download-state" data-testid="opinion-progress">
          <progress max={send.total || undefined} value={send.total ? send.sent : undefined} />
          <span>
            {send.total
              ? t('projects.form.uploading', { sent: formatBytes(send.sent), total: formatBytes(send.total) })
              : t('projects.form.sending')}
          </span>
        </div>
      )}
      {send.status === 'error' && (
        <ApiErrorNotice error={send.error} title={t('projects.form.failed')} testId="opinion-error" />
      )}
      {send.status === 'done' && (
        <p
          role="status"
          className="ob-projects-success"
          data-testid="opinion-submitted"
          data-opinion-id={send.opinion.id}
        >
          {t('projects.form.submitted')}
        </p>
      )}
      <button
        type="submit"
        className="ob-button ob-button-primary"
        data-testid="opinion-submit"
        disabled={sending || editor.drawing}
      >
        {send.status === 'error'
          ? t('projects.form.retrySubmit')
          : previous || send.status === 'done'
            ? t('projects.form.submitRevision')
            : t('projects.form.submit')}
      </button>
    </form>
  );
}
