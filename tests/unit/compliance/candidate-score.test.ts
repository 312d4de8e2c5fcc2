// The fit of a candidate: area closeness, compactness (Polsby–Popper) and warnings weighted into one score.
import { candidateFit, SCORE_WEIGHTS } from '../../../compliance-rules';

describe('candidateFit', () => {
  const square = (sideM: number) => ({ areaM2: sideM * sideM, perimeterM: 4 * sideM });

  it('gives a square of exactly the required area without warnings 0.5 + 0.3·π/4 + 0.2', () => {
    const fit = candidateFit({ requiredM2: 10_000, ...square(100), warnings: 0, parcels: 1 });
    expect(fit.areaFit).toBe(1);
    expect(fit.compactness).toBeCloseTo(Math.PI / 4, 4);
    expect(fit.score).toBeCloseTo(SCORE_WEIGHTS.area + SCORE_WEIGHTS.compactness * (Math.PI / 4) + 0.2, 4);
    expect(fit.why[0]).toContain('单一地块');
  });

  it('ranks a larger site, a long thin one and one with warnings lower', () => {
    const best = candidateFit({ requiredM2: 10_000, ...square(100), warnings: 0, parcels: 1 }).score;
    const larger = candidateFit({ requiredM2: 10_000, ...square(200), warnings: 0, parcels: 1 });
    const thin = candidateFit({
      requiredM2: 10_000,
      areaM2: 10_000,
      perimeterM: 2 * (400 + 25),
      warnings: 0,
      parcels: 1,
    });
    const warned = candidateFit({ requiredM2: 10_000, ...square(100), warnings: 2, parcels: 3 });
    expect(larger.areaFit).toBe(0.25);
    expect(larger.score).toBeLessThan(best);
    expect(thin.score).toBeLessThan(best);
    expect(warned.score).toBeCloseTo(best - 0.2 + 0.2 / 3, 4);
    expect(warned.why[0]).toContain('3个相邻地块合并');
    expect(warned.why[2]).toContain('触发2条预警规则');
  });
});
