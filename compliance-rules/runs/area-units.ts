// Areas in the units a report gives them: m², 公顷 (1 ha = 10,000 m²) and 亩 (1 mu = 10,000/15 m²).
export const M2_PER_HA = 10_000;
export const M2_PER_MU = 10_000 / 15;

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function areaUnits(areaM2: number): { areaM2: number; areaHa: number; areaMu: number } {
  return {
    areaM2: round(areaM2, 2),
    areaHa: round(areaM2 / M2_PER_HA, 6),
    areaMu: round(areaM2 / M2_PER_MU, 4),
  };
}
