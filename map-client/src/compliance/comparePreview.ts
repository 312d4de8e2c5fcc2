// Where the browser's preview and the server's check disagree (the server is authoritative): the verdict,
// a rule passed on one side and failed on the other, an area or distance apart by more than the preview's
// own accuracy, a rule only one side evaluated.
import type { Preview } from './preview';
import type { Verdict } from './verdict';

export interface ServerRuleFigures {
  ruleId: string;
  title: string;
  passed: boolean;
  areaM2: number | null;
  distanceM: number | null;
}

export type Disagreement =
  | { kind: 'verdict'; preview: Verdict; server: Verdict }
  | { kind: 'passed'; ruleId: string; title: string; preview: boolean; server: boolean }
  | { kind: 'area'; ruleId: string; title: string; preview: number; server: number }
  | { kind: 'distance'; ruleId: string; title: string; preview: number; server: number }
  | { kind: 'missing'; ruleId: string; title: string; side: 'preview' | 'server' };

/** areas agree within 0.5 % or 1 m², distances within 0.5 m: the preview's buffers and loaded extent */
const AREA_RELATIVE = 0.005;
const AREA_ABSOLUTE_M2 = 1;
const DISTANCE_M = 0.5;

export function comparePreview(
  preview: Preview,
  server: { verdict: Verdict; rules: ServerRuleFigures[] },
): Disagreement[] {
  const out: Disagreement[] = [];
  if (preview.verdict !== server.verdict)
    out.push({ kind: 'verdict', preview: preview.verdict, server: server.verdict });
  const mine = new Map(preview.rules.map((r) => [r.ruleId, r]));
  for (const theirs of server.rules) {
    const own = mine.get(theirs.ruleId);
    if (!own) {
      out.push({ kind: 'missing', ruleId: theirs.ruleId, title: theirs.title, side: 'preview' });
      continue;
    }
    mine.delete(theirs.ruleId);
    if (own.passed !== theirs.passed)
      out.push({
        kind: 'passed',
        ruleId: theirs.ruleId,
        title: theirs.title,
        preview: own.passed,
        server: theirs.passed,
      });
    const [a, b] = [own.areaM2 ?? 0, theirs.areaM2 ?? 0];
    if (Math.abs(a - b) > Math.max(AREA_ABSOLUTE_M2, AREA_RELATIVE * Math.max(a, b)))
      out.push({ kind: 'area', ruleId: theirs.ruleId, title: theirs.title, preview: a, server: b });
    // the preview knows only the features loaded around the site: no distance there is no disagreement
    const [d, e] = [own.distanceM, theirs.distanceM];
    if (d !== null && e !== null && Math.abs(d - e) > DISTANCE_M)
      out.push({ kind: 'distance', ruleId: theirs.ruleId, title: theirs.title, preview: d, server: e });
  }
  for (const left of mine.values())
    out.push({ kind: 'missing', ruleId: left.ruleId, title: left.title, side: 'server' });
  return out;
}
