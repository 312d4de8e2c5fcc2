// Web Mercator's y of latitudes that come close together (the vertices of a map's features, outline after
// outline): a cubic Taylor series about a latitude nearby, centred again when a vertex lies farther than
// RADIUS from it, in place of a logarithm and a tangent per vertex. Within RADIUS the series is off by its
// fourth-order term, a few micrometres at the city's latitude: nothing at any map scale.
const EARTH_RADIUS_M = 6378137;
const DEG = Math.PI / 180;
/** radians of latitude (about 6 km) a vertex may lie from the series' centre */
const RADIUS = 1e-3;
/** beyond this latitude (degrees) the series' terms grow fast: the exact formula is used */
const SERIES_LIMIT = 80;

export class MercatorSeries {
  private centre = NaN;
  private y0 = 0;
  private c1 = 0;
  private c2 = 0;
  private c3 = 0;

  constructor(private readonly exact: (latDegrees: number) => number) {}

  /** y in EPSG:3857 metres of a latitude in degrees. */
  y(latDegrees: number): number {
    if (!(Math.abs(latDegrees) < SERIES_LIMIT)) return this.exact(latDegrees);
    const phi = latDegrees * DEG;
    const d = phi - this.centre;
    if (!(Math.abs(d) <= RADIUS)) {
      this.centreAt(phi, latDegrees);
      return this.y0;
    }
    return this.y0 + d * (this.c1 + d * (this.c2 + d * this.c3));
  }

  private centreAt(phi: number, latDegrees: number): void {
    const sec = 1 / Math.cos(phi);
    const tan = Math.tan(phi);
    this.centre = phi;
    this.y0 = this.exact(latDegrees);
    // the derivatives of ln tan(π/4 + φ/2): sec φ, sec φ tan φ, sec φ (2 sec² φ - 1)
    this.c1 = EARTH_RADIUS_M * sec;
    this.c2 = (EARTH_RADIUS_M * sec * tan) / 2;
    this.c3 = (EARTH_RADIUS_M * sec * (2 * sec * sec - 1)) / 6;
  }
}
