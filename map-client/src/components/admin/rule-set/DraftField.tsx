// One input of the rule set form bound to a path of the draft. It keeps what the user types (a half-typed
// number, a list with a trailing comma) and writes the parsed value into the draft; the form is remounted
// when the draft is replaced from outside (the JSON editor, another version).
import { useState } from 'react';
import type { RuleSetIssue } from '../../../api/admin/ruleSets';
import { getIn, pathText, type Draft, type PathPart } from './draftPath';
import { IssueList, issuesAt } from './Issues';

export type FieldType = 'text' | 'number' | 'list' | 'matrix' | 'json';

interface Props {
  draft: Draft;
  path: readonly PathPart[];
  type: FieldType;
  label: string;
  issues: readonly RuleSetIssue[];
  onChange: (path: readonly PathPart[], value: unknown) => void;
  hint?: string;
  step?: string;
  /** what the text is turned into and back, for `matrix` */
  toText?: (value: unknown) => string;
  fromText?: (text: string) => unknown;
}

function initialText(value: unknown, type: FieldType, toText?: (value: unknown) => string): string {
  if (toText) return toText(value);
  if (value === undefined || value === null) return '';
  if (type === 'list') return Array.isArray(value) ? value.join(', ') : String(value);
  if (type === 'json') return JSON.stringify(value);
  return String(value);
}

function parsed(text: string, type: FieldType, fromText?: (text: string) => unknown): unknown {
  if (fromText) return fromText(text);
  if (type === 'number') return text.trim() === '' ? undefined : Number(text);
  if (type === 'list')
    return text
      .split(/[\s,，、]+/)
      .map((part) => part.trim())
      .filter(Boolean);
  if (type === 'json') {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // kept as the text itself: the server names the path and says it is not an object
      return text;
    }
  }
  return text;
}

export function DraftField(props: Props) {
  const { draft, path, type, label, issues, onChange, hint, step, toText, fromText } = props;
  const [text, setText] = useState(() => initialText(getIn(draft, path), type, toText));
  const id = pathText(path);
  const own = issuesAt(issues, id, type === 'list' || type === 'matrix' || type === 'json');
  const change = (next: string) => {
    setText(next);
    onChange(path, parsed(next, type, fromText));
  };
  return (
    <label className="ob-field" data-path={id}>
      <span>{label}</span>
      {type === 'matrix' ? (
        <textarea
          rows={4}
          value={text}
          spellCheck={false}
          aria-invalid={own.length > 0 || undefined}
          data-testid={`rule-field-${id}`}
          onChange={(event) => change(event.target.value)}
        />
      ) : (
        <input
          type={type === 'number' ? 'number' : 'text'}
          step={step ?? 'any'}
          value={text}
          spellCheck={false}
          aria-invalid={own.length > 0 || undefined}
          data-testid={`rule-field-${id}`}
          onChange={(event) => change(event.target.value)}
        />
      )}
      {hint && <small className="ob-muted">{hint}</small>}
      <IssueList issues={own} />
    </label>
  );
}
