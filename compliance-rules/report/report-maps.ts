// The map images a report embeds, drawn by the caller (the HTTP edge owns the renderer): PNG buffers for
// the whole site and per rule.
import type { MapKey } from './report-content';

export interface ReportMaps {
  site: Buffer;
  rules: Map<string, Buffer>;
}

export function mapFor(maps: ReportMaps, key: MapKey): Buffer | undefined {
  return 'site' in key ? maps.site : maps.rules.get(key.ruleId);
}

/** The size maps are drawn at, in pixels: the site map across the page, rule maps smaller. */
export const MAP_SIZES = {
  site: { width: 900, height: 640 },
  rule: { width: 560, height: 360 },
} as const;
