// Editing one rule set, as a form or as JSON, switching between them with the same draft. Saving sends the
// draft as the next version; a refusal's issues (JSON paths from the server's schema) are shown in place in
// whichever view is open, and stay placed when the user switches.
import { useState } from 'react';
import { ApiError } from '../../../api/client';
import { issuesOf, saveRuleSet, type RuleSetIssue, type StoredRuleSet } from '../../../api/admin/ruleSets';
import { useI18n } from '../../../i18n/I18nProvider';
import { ApiErrorNotice } from '../../ApiErrorNotice';
import { setIn, type Draft, type PathPart } from './draftPath';
import { syntaxErrorLine } from './jsonPathLines';
import { RuleSetForm } from './RuleSetForm';
import { RuleSetJsonEditor, type JsonIssue } from './RuleSetJsonEditor';

interface Props {
  stored: StoredRuleSet;
  canSave: boolean;
  onSaved: (saved: StoredRuleSet) => void;
}

/** The definition the server takes: the stored rule set without its version facts. */
export function draftOf(stored: StoredRuleSet): Draft {
  const definition: Draft = { ...stored };
  for (const key of ['version', 'createdAt', 'createdBy']) delete definition[key];
  return definition;
}

const asText = (draft: Draft) => JSON.stringify(draft, null, 2);

export function RuleSetEditor({ stored, canSave, onSaved }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [draft, setDraft] = useState<Draft>(() => draftOf(stored));
  const [text, setText] = useState(() => asText(draftOf(stored)));
  // the form keeps what is being typed; a new generation remounts it when the draft is replaced
  const [generation, setGeneration] = useState(0);
  const [issues, setIssues] = useState<RuleSetIssue[]>([]);
  const [syntaxError, setSyntaxError] = useState<JsonIssue | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  /** The JSON text as a draft, or null with the syntax error placed on its line. */
  const readText = (): Draft | null => {
    try {
      const value = JSON.parse(text) as unknown;
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new SyntaxError(t('admin.rules.notObject'));
      setSyntaxError(null);
      return value as Draft;
    } catch (error) {
      setSyntaxError({
        path: '$',
        message: t('admin.rules.syntaxError', { message: error instanceof Error ? error.message : '' }),
        line: syntaxErrorLine(text) ?? 1,
      });
      return null;
    }
  };

  const switchTo = (next: 'form' | 'json') => {
    if (next === mode) return;
    if (next === 'json') {
      setText(asText(draft));
      setSyntaxError(null);
    } else {
      const value = readText();
      if (!value) return;
      setDraft(value);
      setGeneration((n) => n + 1);
    }
    setMode(next);
  };

  const change = (path: readonly PathPart[], value: unknown) => {
    setDraft((current) => setIn(current, path, value) as Draft);
    if (path.length <= 1) setGeneration((n) => n + 1);
  };

  const save = async () => {
    const definition = mode === 'json' ? readText() : draft;
    if (!definition) return;
    setBusy(true);
    setFailure(null);
    setIssues([]);
    try {
      const result = await saveRuleSet(stored.code, definition);
      // the page reloads the new current version, which remounts this editor with it
      onSaved(result);
    } catch (error) {
      const placed = error instanceof ApiError && error.status === 400 ? issuesOf(error.details) : [];
      setIssues(placed);
      // an error without a path (or not a refusal at all) is said above the editor, with the server's words
      if (placed.length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ob-admin-rule-editor" data-testid="rule-set-editor" data-mode={mode}>
      <div className="ob-toolbar">
        <div className="ob-admin-tabs" role="tablist" aria-label={t('admin.rules.mode')}>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'form'}
            className="ob-admin-tab"
            data-testid="rule-set-mode-form"
            onClick={() => switchTo('form')}
          >
            {t('admin.rules.asForm')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'json'}
            className="ob-admin-tab"
            data-testid="rule-set-mode-json"
            onClick={() => switchTo('json')}
          >
            {t('admin.rules.asJson')}
          </button>
        </div>
        {canSave && (
          <button
            type="button"
            className="ob-button ob-button-primary"
            disabled={busy}
            data-testid="rule-set-save"
            onClick={() => void save()}
          >
            {busy ? t('admin.saving') : t('admin.rules.save')}
          </button>
        )}
        {issues.length > 0 && (
          <span className="ob-admin-state-off" data-testid="rule-set-refused">
            {t('admin.rules.refused', { count: issues.length })}
          </span>
        )}
      </div>
      {failure !== null && <ApiErrorNotice error={failure} title={t('admin.rules.saveFailed')} />}
      {mode === 'form' ? (
        <RuleSetForm key={generation} draft={draft} issues={issues} onChange={change} />
      ) : (
        <RuleSetJsonEditor
          text={text}
          issues={issues}
          syntaxError={syntaxError}
          onChange={(next) => {
            setText(next);
            setSyntaxError(null);
          }}
        />
      )}
    </div>
  );
}
