// Registers every accepted CRS with a proj4 instance, so transforms can name them by EPSG code.
import type proj4 from 'proj4';
import { CRS_DEFINITIONS } from './definitions';

export function registerCrsDefinitions(instance: typeof proj4): void {
  instance.defs(CRS_DEFINITIONS.map((d) => [d.code, d.proj4]));
}
