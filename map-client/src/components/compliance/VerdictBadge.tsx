// A verdict as a coloured badge: 通过 green, 有条件通过 amber, 不通过 red.
import type { Verdict } from '../../compliance/verdict';

const TONE: Record<Verdict, string> = { 通过: 'ok', 有条件通过: 'warning', 不通过: 'error' };

export function VerdictBadge({ verdict, testId }: { verdict: Verdict; testId: string }) {
  return (
    <span className={`ob-verdict ob-verdict-${TONE[verdict]}`} data-testid={testId} data-verdict={verdict}>
      {verdict}
    </span>
  );
}
