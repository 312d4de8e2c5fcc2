// Builds the missing generalisations of dense layers' current versions, one after the other, each grouped
// by the properties its layer's style filters read; with a line per layer and band on the log.
import type { Pool } from 'pg';
import { buildGeneralisation, versionsToGeneralise, type BuildOutcome } from '../../layers';
import { forgetGeneralisation } from '../ogc/wms/render/generalised-features';
import { compileStyle } from '../ogc/wms/render/style-rules';

export interface GeneraliseOptions {
  minFeatures: number;
  /** only this layer (a new version was published); all dense layers when absent */
  layerCode?: string;
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export async function generaliseLayers(pool: Pool, options: GeneraliseOptions): Promise<BuildOutcome[]> {
  const outcomes: BuildOutcome[] = [];
  for (const version of await versionsToGeneralise(pool, options.minFeatures, options.layerCode ?? null)) {
    options.signal?.throwIfAborted();
    const style = compileStyle({
      style: version.style,
      layerName: version.name,
      geometryType: version.geometryType,
      attributes: version.attributeSchema.map((a) => a.name),
    });
    const log = options.log ?? (() => undefined);
    log(
      `概括 / generalising ${version.code} (${version.featureCount} features) by [${style.filterProperties.join(', ')}]`,
    );
    const outcome = await buildGeneralisation(pool, version.versionId, {
      propertyNames: style.filterProperties,
      signal: options.signal,
      onBand: (band, groups) => log(`  ${version.code}: zoom ${band}, ${groups} groups`),
    });
    forgetGeneralisation(version.versionId);
    log(
      outcome.built
        ? `  ${version.code}: ${outcome.summary.bands.length} bands in ${(outcome.summary.buildMs / 1000).toFixed(1)} s`
        : `  ${version.code}: not built (${outcome.reason})`,
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
