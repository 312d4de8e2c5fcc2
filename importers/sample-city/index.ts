// The sample city: a deterministic generator and its loader.
export { DEFAULT_SEED, generateSampleCity } from './generate';
export type { SampleCity, SampleCityOptions, SampleLayer, SampleProjectLonLat } from './generate';
export { loadSampleCity } from './load';
export type { LoadOptions } from './load';
