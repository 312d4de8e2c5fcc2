// How well a candidate fits the request: its area against the required one, its compactness and the warnings
// it would raise, as one score from 0 to 1 and the reasons in words.

/** weights of the three parts of the score */
export const SCORE_WEIGHTS = { area: 0.5, compactness: 0.3, warnings: 0.2 } as const;

export interface CandidateFit {
  score: number;
  areaFit: number;
  compactness: number;
  why: string[];
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * areaFit = required / area (a candidate is never smaller than required); compactness = 4πA/P²
 * (Polsby–Popper on the ellipsoid: 1 for a circle, 0.785 for a square); warnings: 1 / (1 + count).
 */
export function candidateFit(input: {
  requiredM2: number;
  areaM2: number;
  perimeterM: number;
  warnings: number;
  parcels: number;
}): CandidateFit {
  const areaFit = Math.min(1, input.requiredM2 / input.areaM2);
  const compactness = Math.min(1, (4 * Math.PI * input.areaM2) / input.perimeterM ** 2);
  const warningFit = 1 / (1 + input.warnings);
  const score =
    SCORE_WEIGHTS.area * areaFit +
    SCORE_WEIGHTS.compactness * compactness +
    SCORE_WEIGHTS.warnings * warningFit;
  const times = round(input.areaM2 / input.requiredM2, 2);
  return {
    score: round(score, 4),
    areaFit: round(areaFit, 4),
    compactness: round(compactness, 4),
    why: [
      input.parcels === 1
        ? `单一地块，面积为需求的${times}倍 / one parcel, ${times}× the required area`
        : `${input.parcels}个相邻地块合并，面积为需求的${times}倍 / ${input.parcels} adjacent parcels merged, ${times}× the required area`,
      `紧凑度${round(compactness, 2)}（圆为1，正方形约0.79） / compactness ${round(compactness, 2)} (circle 1, square about 0.79)`,
      input.warnings === 0
        ? '不触发预警规则 / no warning rule tripped'
        : `触发${input.warnings}条预警规则 / ${input.warnings} warning rule(s) tripped`,
    ],
  };
}
