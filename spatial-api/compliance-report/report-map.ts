// The maps of a compliance report, drawn by the WMS renderer on the render threads: the imagery and the layers the
// check read (at the versions it read), in Web Mercator around the site, with the site outlined and the
// conflicting parts highlighted on top (the shapes as document-maps/ draws them). The maps of a report are
// drawn side by side; the imagery is read once (one gdalwarp over all their frames) and each map shows its part of it; the outlines
// are drawn on the map's own canvas, which is encoded once as an opaque PNG (embedded by the PDF as it is).
import type { Pool } from 'pg';
import type { ComplianceRun, RuleResult } from '../../compliance-rules';
import { MAP_SIZES, readRuleSet, type ReportMaps } from '../../compliance-rules';
import { type CatalogSnapshot } from '../../layers';
import {
  frameAround,
  toWebMercator,
  type DocumentMapOptions,
  type Geometry,
  type Highlights,
} from '../document-maps/site-map';
import { documentCanvas } from '../document-maps/document-canvas';
import { drawOnThread, mapFrame, readLayerInto } from '../ogc/wms/get-map';
import type { JobLayer } from '../render-workers/messages';
import { rasterFile, readRasterWindow } from '../ogc/wms/render/raster-window';
import type { MapFrame } from '../ogc/wms/render/feature-query';
import { scaleDenominator } from '../ogc/wms/render/map-scale';
import { publishedWmsLayers, type WmsLayer } from '../ogc/wms/wms-layers';
import { requestCatalog } from '../request-catalog';

/** The largest side of the imagery read for all the maps of a report, in pixels. */
const MAX_IMAGERY_PX = 2048;

export type ReportMapOptions = DocumentMapOptions;

/** One frame around all the given ones, at the finest resolution any of them needs (within MAX_IMAGERY_PX). */
function unionFrame(frames: MapFrame[]): MapFrame {
  const bbox: MapFrame['bbox'] = [
    Math.min(...frames.map((f) => f.bbox[0])),
    Math.min(...frames.map((f) => f.bbox[1])),
    Math.max(...frames.map((f) => f.bbox[2])),
    Math.max(...frames.map((f) => f.bbox[3])),
  ];
  const [w, h] = [bbox[2] - bbox[0], bbox[3] - bbox[1]];
  const metresPerPixel = Math.max(
    Math.min(...frames.map((f) => (f.bbox[2] - f.bbox[0]) / f.width)),
    Math.max(w, h) / MAX_IMAGERY_PX,
  );
  return mapFrame({
    bbox,
    srid: 3857,
    width: Math.max(1, Math.round(w / metresPerPixel)),
    height: Math.max(1, Math.round(h / metresPerPixel)),
  });
}

/** The part of an image of `outer` that `inner` shows, in the image's pixels. */
function sourceRect(outer: MapFrame, inner: MapFrame): [number, number, number, number] {
  const sx = outer.width / (outer.bbox[2] - outer.bbox[0]);
  const sy = outer.height / (outer.bbox[3] - outer.bbox[1]);
  return [
    (inner.bbox[0] - outer.bbox[0]) * sx,
    (outer.bbox[3] - inner.bbox[3]) * sy,
    (inner.bbox[2] - inner.bbox[0]) * sx,
    (inner.bbox[3] - inner.bbox[1]) * sy,
  ];
}

interface Imagery {
  frame: MapFrame;
  /** the PNG of each imagery layer over `frame` */
  windows: Buffer[];
}

export class ReportMapDrawer {
  constructor(
    private readonly pool: Pool,
    private readonly options: ReportMapOptions,
  ) {}

  /**
   * One imagery layer's window, or null when its file cannot be read (moved away, outside the raster
   * folder): the report is still drawn, on the plain background, and the failure is logged.
   */
  private async readWindow(file: string, frame: MapFrame): Promise<Buffer | null> {
    try {
      return await readRasterWindow(rasterFile(this.options.rasterDir, file), frame, this.options);
    } catch (error) {
      console.warn(`report map drawn without the imagery ${file}:`, (error as Error).message);
      return null;
    }
  }

  /** The current imagery over the frame, one window per imagery layer. */
  private async readImagery(
    frame: MapFrame,
    published: WmsLayer[],
    catalog: CatalogSnapshot,
  ): Promise<Imagery> {
    const windows = await Promise.all(
      published
        .filter((l) => l.raster)
        .map((layer) => catalog.current.get(layer.summary.code)?.filePath ?? null)
        .filter((file): file is string => file !== null)
        .map((file) => this.readWindow(file, frame)),
    );
    return { frame, windows: windows.filter((w): w is Buffer => w !== null) };
  }

  /**
   * The imagery under the given layers at the versions the check read, and the highlights, as an opaque
   * PNG drawn on a render thread.
   */
  private draw(
    run: ComplianceRun,
    layerCodes: string[],
    frame: MapFrame,
    published: WmsLayer[],
    imagery: Imagery,
    highlights: Highlights,
  ): Promise<Buffer> {
    const scale = scaleDenominator(frame.bbox, frame.width, false);
    const vectors = layerCodes
      .map((code) => published.find((l) => l.summary.code === code && !l.raster))
      .filter((l): l is WmsLayer => l !== undefined);
    const source = sourceRect(imagery.frame, frame);
    const rasters = imagery.windows.map((png): JobLayer => ({ kind: 'raster', png, source }));
    return drawOnThread(
      this.options.renders,
      // a document's maps wait for their turn however long the line: there is no one to turn away
      { signal: this.options.signal, unbounded: true },
      async (job) => [
        ...rasters,
        ...(await Promise.all(
          vectors.map((layer, i) => {
            const read = run.layerVersions.find((v) => v.layer === layer.summary.code);
            return readLayerInto(
              job,
              rasters.length + i,
              this.pool,
              this.options,
              layer,
              { versionId: read?.versionId ?? null, filePath: null },
              frame,
              scale,
            );
          }),
        )),
      ],
      { ...documentCanvas(frame), highlights },
    );
  }

  async maps(run: ComplianceRun): Promise<ReportMaps> {
    const catalog = await requestCatalog(this.pool);
    const published = publishedWmsLayers(catalog);
    const ruleSet = await readRuleSet(this.pool, run.ruleSet.code, run.ruleSet.version).catch(() => null);
    const withConflict = run.rules.filter(
      (r): r is RuleResult & { conflictGeometry: Record<string, unknown> } => r.conflictGeometry !== null,
    );
    const [site, ...conflicts] = await toWebMercator(this.pool, [
      run.siteGeometry,
      ...withConflict.map((r) => r.conflictGeometry),
    ]);
    const conflictOf = new Map(withConflict.map((r, i) => [r.ruleId, conflicts[i]!]));
    const allLayers = run.layerVersions.map((v) => v.layer);
    const siteFrame = frameAround([site!], MAP_SIZES.site.width, MAP_SIZES.site.height);
    const failedConflicts = run.rules
      .filter((r) => !r.passed)
      .map((r) => conflictOf.get(r.ruleId))
      .filter((g): g is Geometry => g !== undefined);
    const ruleFrames = run.rules.map((rule) => {
      const conflict = rule.passed ? undefined : conflictOf.get(rule.ruleId);
      const frame = frameAround(
        conflict ? [site!, conflict] : [site!],
        MAP_SIZES.rule.width,
        MAP_SIZES.rule.height,
      );
      return { rule, conflict, frame };
    });
    const imagery = await this.readImagery(
      unionFrame([siteFrame, ...ruleFrames.map((r) => r.frame)]),
      published,
      catalog,
    );
    const siteMap = this.draw(run, allLayers, siteFrame, published, imagery, {
      frame: siteFrame,
      site: site!,
      shapes: failedConflicts,
    });
    // drawn side by side (the vector queries on the pool, the drawing in the canvas's threads)
    const ruleMaps = ruleFrames.map(async ({ rule, conflict, frame }): Promise<[string, Buffer]> => {
      // the rule's own layers (those of its features when the rule set version is gone)
      const layers = [
        ...new Set([
          ...(ruleSet?.definition.rules.find((r) => r.id === rule.ruleId)?.layers ?? []),
          ...rule.features.map((f) => f.layer),
        ]),
      ];
      const png = await this.draw(run, layers.length > 0 ? layers : allLayers, frame, published, imagery, {
        frame,
        site: site!,
        shapes: conflict ? [conflict] : [],
      });
      return [rule.ruleId, png];
    });
    const rules = new Map(await Promise.all(ruleMaps));
    return { site: await siteMap, rules };
  }
}
