export { buildGeneralisation, MAX_GENERALISED_VALUE_SETS } from './build-generalisation';
export type { BuildOutcome, BuildOptions, GeneralisationSummary } from './build-generalisation';
export { findGeneralisation } from './find-generalisation';
export type { Generalisation } from './find-generalisation';
export { bandFor, bandPixelDegrees, GENERALISED_BANDS } from './scale-bands';
export { versionsToGeneralise } from './versions-to-generalise';
export type { VersionToGeneralise } from './versions-to-generalise';
