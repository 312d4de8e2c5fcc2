// The layer catalog's public face: kinds, code lists, CRS definitions, styles, reading and writing layers
// and their versions.
export { codeEntry, codeList, CODE_LISTS } from './code-lists';
export type { CodeList, CodeListEntry } from './code-lists';
export { CRS_DEFINITIONS, crsDefinition } from './crs/definitions';
export type { CrsDefinition } from './crs/definitions';
export { registerCrsDefinitions } from './crs/register';
export { GEOMETRY_TYPES, VECTOR_GEOMETRY_TYPES } from './geometry-types';
export type { VectorGeometryType } from './geometry-types';
export { kindInfo, LAYER_KINDS } from './kinds';
export type { LayerKind, LayerKindInfo } from './kinds';
export { currentVersionId, findLayer, listLayers } from './catalog/layer-catalog';
export { readCatalog } from './catalog/catalog-snapshot';
export { MAX_PAGE_LAYERS, selectPageLayers, STANDARD_LAYER_SET } from './standard-layers';
export type { LayerSelection } from './standard-layers';
export type { CatalogSnapshot, CurrentVersion } from './catalog/catalog-snapshot';
export type { AttributeDefinition, LayerSummary } from './catalog/layer-catalog';
export { createLayer, softDeleteLayer, updateLayerMetadata } from './catalog/layer-admin';
export type { LayerMetadataChange, NewLayer } from './catalog/layer-admin';
export { isRasterLayer } from './catalog/layer-kind';
export { findLayerRecord } from './catalog/layer-record';
export type { LayerRecord } from './catalog/layer-record';
export { queryFeatures } from './catalog/features';
export type { FeatureQuery } from './catalog/features';
export { queryProjectedFeatures, versionCentre } from './catalog/projected-features';
export type { ProjectedFeature, ProjectedFeatureQuery } from './catalog/projected-features';
export { inTransaction } from './catalog/in-transaction';
export type { Queryable } from './catalog/queryable';
export {
  resolveServiceLayerName,
  SERVICE_NAMESPACE_PREFIX,
  SERVICE_NAMESPACE_URI,
  serviceLayerName,
} from './catalog/service-names';
export { diffVersions } from './catalog/version-diff';
export type { VersionDiff } from './catalog/version-diff';
export { listVersions, rollbackLayer, versionAsOf, versionId, versionReport } from './catalog/versions';
export type { VersionSummary } from './catalog/versions';
export {
  beginVersion,
  insertStagedFeatures,
  movePointer,
  publishVersion,
  stageFeatures,
  upsertLayer,
} from './catalog/write-version';
export type { FeatureInput, LayerDefinition, VersionOptions } from './catalog/write-version';
export { codeListStyle, defaultStyle, landUseStyle } from './styles/default-styles';
export * from './publishing';
export { SldConversionError, styleToSld } from './styles/sld';
export * from './generalisation';
