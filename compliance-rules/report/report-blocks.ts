// A compliance report's blocks as document blocks: its maps filled in (the site map across the page, rule
// maps narrower) and the verdict line in the verdict's colour.
import type { ComplianceRun } from '../runs/read-run';
import type { DocumentBlock } from './document-blocks';
import { reportContent, type ReportOptions } from './report-content';
import { mapFor, type ReportMaps } from './report-maps';

const VERDICT_COLOURS: Record<string, string> = { 通过: '#1b7f3b', 有条件通过: '#c26a00', 不通过: '#c0262d' };

export function reportBlocks(run: ComplianceRun, maps: ReportMaps, options: ReportOptions): DocumentBlock[] {
  return reportContent(run, options).flatMap((block): DocumentBlock[] => {
    switch (block.kind) {
      case 'map': {
        const png = mapFor(maps, block.map);
        if (!png) return [];
        return [
          { kind: 'image', png, caption: block.caption, width: 'site' in block.map ? 'full' : 'narrow' },
        ];
      }
      case 'paragraph':
        return block.emphasis === 'verdict'
          ? [
              {
                kind: 'paragraph',
                text: block.text,
                emphasis: 'strong',
                colour: VERDICT_COLOURS[run.verdict] ?? '#000000',
              },
            ]
          : [
              block.emphasis
                ? { kind: 'paragraph', text: block.text, emphasis: block.emphasis }
                : { kind: 'paragraph', text: block.text },
            ];
      default:
        return [block];
    }
  });
}
