// Lengths on the CGCS2000 ellipsoid (GRS80): Vincenty's inverse formula, good to well under a millimetre
// for the distances of a city (T. Vincenty, Survey Review 23(176), 1975).
import type { Position } from 'geojson';
import { GRS80 } from '../../compliance/ellipsoidArea';

const RAD = Math.PI / 180;
const B = GRS80.a * (1 - GRS80.f);

/** The geodesic distance in metres between two lon/lat positions (degrees). */
export function geodesicDistanceM(from: Position, to: Position): number {
  const { a, f } = GRS80;
  const L = (to[0]! - from[0]!) * RAD;
  const U1 = Math.atan((1 - f) * Math.tan(from[1]! * RAD));
  const U2 = Math.atan((1 - f) * Math.tan(to[1]! * RAD));
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)];
  let lambda = L;
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    const cos2SigmaM = cos2Alpha === 0 ? 0 : cosSigma - (2 * sinU1 * sinU2) / cos2Alpha;
    const C = (f / 16) * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda =
      L +
      (1 - C) *
        f *
        sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (a * a - B * B)) / (B * B);
      const A = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const Bc = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const deltaSigma =
        Bc *
        sinSigma *
        (cos2SigmaM +
          (Bc / 4) *
            (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
              (Bc / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
      return B * A * (sigma - deltaSigma);
    }
  }
  return NaN; // nearly antipodal points: never within a city
}

/** The length of a line of lon/lat positions in metres. */
export function geodesicLengthM(line: Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += geodesicDistanceM(line[i - 1]!, line[i]!);
  return total;
}
