// The maps of a compliance report, drawn by the document map drawer: the imagery and the layers the check
// read (at the versions it read), in Web Mercator around the site, with the site outlined and the
// conflicting parts highlighted on top.
import type { Pool } from 'pg';
import type { ComplianceRun, RuleResult } from '../../compliance-rules';
import { MAP_SIZES, type ReportMaps } from '../../compliance-rules';
import {
  DocumentMapDrawer,
  drawOverlay,
  frameAround,
  type DocumentMapOptions,
  type Geometry,
} from '../document-maps/site-map';

export type ReportMapOptions = DocumentMapOptions;

export class ReportMapDrawer {
  private readonly drawer: DocumentMapDrawer;

  constructor(pool: Pool, options: ReportMapOptions) {
    this.drawer = new DocumentMapDrawer(pool, options);
  }

  async maps(run: ComplianceRun): Promise<ReportMaps> {
    const published = await this.drawer.published();
    const withConflict = run.rules.filter(
      (r): r is RuleResult & { conflictGeometry: Record<string, unknown> } => r.conflictGeometry !== null,
    );
    const [site, ...conflicts] = await this.drawer.toWebMercator([
      run.siteGeometry,
      ...withConflict.map((r) => r.conflictGeometry),
    ]);
    const conflictOf = new Map(withConflict.map((r, i) => [r.ruleId, conflicts[i]!]));
    // the layers at the versions the check read
    const layersRead = (codes: string[]) =>
      codes.map((code) => ({
        code,
        versionId: run.layerVersions.find((v) => v.layer === code)?.versionId ?? null,
      }));
    const allLayers = run.layerVersions.map((v) => v.layer);
    const siteFrame = frameAround([site!], MAP_SIZES.site.width, MAP_SIZES.site.height);
    const failedConflicts = run.rules
      .filter((r) => !r.passed)
      .map((r) => conflictOf.get(r.ruleId))
      .filter((g): g is Geometry => g !== undefined);
    const siteMap = drawOverlay(
      await this.drawer.baseMap(layersRead(allLayers), siteFrame, published),
      siteFrame,
      site!,
      failedConflicts,
    );
    // drawn side by side: the server's gdalwarp pool bounds the imagery work
    const ruleMaps = run.rules.map(async (rule): Promise<[string, Buffer]> => {
      const conflict = rule.passed ? undefined : conflictOf.get(rule.ruleId);
      const frame = frameAround(
        conflict ? [site!, conflict] : [site!],
        MAP_SIZES.rule.width,
        MAP_SIZES.rule.height,
      );
      const layers = [...new Set(rule.features.map((f) => f.layer))];
      const base = await this.drawer.baseMap(
        layersRead(layers.length > 0 ? layers : allLayers),
        frame,
        published,
      );
      return [rule.ruleId, await drawOverlay(base, frame, site!, conflict ? [conflict] : [])];
    });
    const rules = new Map(await Promise.all(ruleMaps));
    return { site: await siteMap, rules };
  }
}
