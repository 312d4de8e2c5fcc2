// An area as planners read it: square metres, hectares (公顷) and mu (亩), always with the unit.
import type { Locale } from '../i18n/messages';

export const SQUARE_METRES_PER_HECTARE = 10_000;
export const SQUARE_METRES_PER_MU = 10_000 / 15;

export interface AreaUnits {
  m2: string;
  hectare: string;
  mu: string;
}

export interface AreaText {
  m2: string;
  hectares: string;
  mu: string;
}

function fixed(value: number, digits: number, locale: Locale): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatArea(areaM2: number, locale: Locale, units: AreaUnits): AreaText {
  return {
    m2: `${fixed(areaM2, 2, locale)} ${units.m2}`,
    hectares: `${fixed(areaM2 / SQUARE_METRES_PER_HECTARE, 4, locale)} ${units.hectare}`,
    mu: `${fixed(areaM2 / SQUARE_METRES_PER_MU, 2, locale)} ${units.mu}`,
  };
}
