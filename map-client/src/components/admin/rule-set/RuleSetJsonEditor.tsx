// A rule set as JSON text, with line numbers. The server's complaints are put on the lines of their JSON
// paths: the line number is marked, the message stands beside the line (a column scrolled with the text),
// and the list below names the line; choosing an entry selects that line. A new refusal scrolls to its
// first line.
import { useEffect, useMemo, useRef } from 'react';
import type { RuleSetIssue } from '../../../api/admin/ruleSets';
import { useI18n } from '../../../i18n/I18nProvider';
import { issueMessage } from './issueMessage';
import { lineOfPath, pathLines } from './jsonPathLines';

export interface JsonIssue extends RuleSetIssue {
  line: number;
}

interface Props {
  text: string;
  /** the server's issues, or a syntax error already placed on its line */
  issues: readonly RuleSetIssue[];
  syntaxError: JsonIssue | null;
  onChange: (text: string) => void;
}

/** The issues with their lines in the text as it is now (the paths are found again after each edit). */
export function placeIssues(text: string, issues: readonly RuleSetIssue[]): JsonIssue[] {
  let lines: ReturnType<typeof pathLines>;
  try {
    JSON.parse(text);
    lines = pathLines(text);
  } catch {
    lines = new Map();
  }
  return issues.map((issue) => ({ ...issue, line: lineOfPath(lines, issue.path) }));
}

export function RuleSetJsonEditor({ text, issues, syntaxError, onChange }: Props) {
  const { t, locale } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const notes = useRef<HTMLDivElement>(null);
  const placed = useMemo(
    () => (syntaxError ? [syntaxError] : placeIssues(text, issues)),
    [text, issues, syntaxError],
  );
  const byLine = new Map<number, JsonIssue[]>();
  for (const issue of placed) byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), issue]);
  const lineCount = text.split('\n').length;

  const scrollTo = (line: number) => {
    const element = area.current;
    if (!element) return;
    // 20 px a line, as the stylesheet sets it: the line a few lines below the top
    element.scrollTop = Math.max(0, (line - 5) * 20);
    for (const column of [gutter.current, notes.current]) if (column) column.scrollTop = element.scrollTop;
  };

  const selectLine = (line: number) => {
    const element = area.current;
    if (!element) return;
    const starts = text.split('\n').slice(0, line - 1);
    const start = starts.reduce((sum, part) => sum + part.length + 1, 0);
    const end = start + (text.split('\n')[line - 1]?.length ?? 0);
    element.focus();
    element.setSelectionRange(start, end);
    scrollTo(line);
  };

  const firstLine = placed[0]?.line ?? null;
  useEffect(() => {
    if (firstLine !== null) scrollTo(firstLine);
    // only when a refusal (or a syntax error) arrives, not on every keystroke
  }, [issues, syntaxError]);

  return (
    <div className="ob-admin-json" data-testid="rule-set-json">
      <div className="ob-admin-json-frame">
        <div className="ob-admin-json-gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => {
            const here = byLine.get(i + 1);
            return (
              <div
                key={i}
                className={here ? 'ob-admin-json-line-error' : undefined}
                title={here?.map((issue) => issue.message).join('\n')}
                data-testid={here ? `json-gutter-error-${i + 1}` : undefined}
              >
                {i + 1}
              </div>
            );
          })}
        </div>
        <textarea
          ref={area}
          className="ob-admin-json-text"
          value={text}
          spellCheck={false}
          aria-label={t('admin.rules.jsonLabel')}
          aria-invalid={placed.length > 0 || undefined}
          data-testid="rule-set-json-text"
          wrap="off"
          onScroll={(event) => {
            for (const column of [gutter.current, notes.current])
              if (column) column.scrollTop = event.currentTarget.scrollTop;
          }}
          onChange={(event) => onChange(event.target.value)}
        />
        {placed.length > 0 && (
          <div className="ob-admin-json-notes" ref={notes} aria-hidden="true">
            {Array.from({ length: lineCount }, (_, i) => {
              const here = byLine.get(i + 1);
              return (
                <div key={i} data-testid={here ? `json-note-${i + 1}` : undefined}>
                  {here?.map((issue) => issueMessage(issue.message, locale)).join('；')}
                </div>
              );
            })}
          </div>
        )}
      </div>
      {placed.length > 0 && (
        <ul className="ob-admin-issues" role="alert">
          {placed.map((issue) => (
            <li key={`${issue.line}:${issue.path}:${issue.message}`}>
              <button
                type="button"
                className="ob-link-button"
                data-testid="json-issue"
                data-line={issue.line}
                data-path={issue.path}
                onClick={() => selectLine(issue.line)}
              >
                {t('admin.rules.line', { line: issue.line })}
              </button>{' '}
              <span className="ob-code">{issue.path}</span>{' '}
              <span title={issue.message}>{issueMessage(issue.message, locale)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
