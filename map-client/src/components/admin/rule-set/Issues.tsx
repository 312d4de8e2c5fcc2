// The server's complaints about a rule set, each beside the form field of its JSON path.
import type { RuleSetIssue } from '../../../api/admin/ruleSets';
import { useI18n } from '../../../i18n/I18nProvider';
import { issueMessage } from './issueMessage';

/** The issues at `path` (and, with `within`, under it: `layers` also takes `layers[2]`). */
export function issuesAt(issues: readonly RuleSetIssue[], path: string, within = false): RuleSetIssue[] {
  return issues.filter(
    (issue) =>
      issue.path === path ||
      (within && (issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))),
  );
}

export function IssueList({ issues }: { issues: readonly RuleSetIssue[] }) {
  const { locale } = useI18n();
  if (issues.length === 0) return null;
  return (
    <ul className="ob-admin-issues" role="alert">
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`} data-testid="rule-issue" data-path={issue.path}>
          <span className="ob-code">{issue.path}</span>{' '}
          <span title={issue.message}>{issueMessage(issue.message, locale)}</span>
        </li>
      ))}
    </ul>
  );
}
