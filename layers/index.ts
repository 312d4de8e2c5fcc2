// The layer catalog's public face: kinds, code lists, CRS definitions, styles, reading and writing layers.
export { codeEntry, codeList, CODE_LISTS } from './code-lists';
export type { CodeList, CodeListEntry } from './code-lists';
export { CRS_DEFINITIONS, crsDefinition } from './crs/definitions';
export type { CrsDefinition } from './crs/definitions';
export { registerCrsDefinitions } from './crs/register';
export { kindInfo, LAYER_KINDS } from './kinds';
export type { LayerKind, LayerKindInfo } from './kinds';
export { currentVersionId, findLayer, listLayers } from './catalog/layer-catalog';
export type { AttributeDefinition, LayerSummary } from './catalog/layer-catalog';
export type { Queryable } from './catalog/queryable';
export { beginVersion, publishVersion, upsertLayer, writeLayerVersion } from './catalog/write-version';
export type { FeatureInput, LayerDefinition, WriteOptions, WrittenVersion } from './catalog/write-version';
export { defaultStyle, landUseStyle, codeListStyle } from './styles/default-styles';
