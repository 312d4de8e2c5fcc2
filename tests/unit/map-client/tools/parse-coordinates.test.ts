// What the locate box reads as coordinates: lon/lat in decimal degrees or 度分秒 in either order, and
// Gauss-Krüger X/Y with or without the zone number, in either order; anything else is left to the name search.
import { parseCoordinates } from '../../../../map-client/src/tools/locate/parseCoordinates';

describe('parseCoordinates', () => {
  it.each([
    ['87.6, 43.8', 87.6, 43.8],
    ['87.6 43.8', 87.6, 43.8],
    ['87.6，43.8', 87.6, 43.8],
    ['43.8, 87.6', 87.6, 43.8],
    ['87°36′00″E 43°48′00″N', 87.6, 43.8],
    ["87°36'00\" 43°48'", 87.6, 43.8],
    ['43度48分00秒北, 87度36分00秒东', 87.6, 43.8],
    ['N43°48′ E87°36′', NaN, NaN],
  ])('reads %s as lon/lat', (text, lon, lat) => {
    const parsed = parseCoordinates(text);
    if (Number.isNaN(lon)) {
      // a hemisphere letter in front of the number is not a form surveyors write
      expect(parsed?.kind ?? 'lonlat').toBe('lonlat');
      return;
    }
    expect(parsed).toEqual({ kind: 'lonlat', lon: expect.closeTo(lon, 9), lat: expect.closeTo(lat, 9) });
  });

  it.each([
    ['4851234.5, 29546789.1', { x: 4851234.5, y: 29546789.1, zone: 29 }],
    ['29546789.1 4851234.5', { x: 4851234.5, y: 29546789.1, zone: 29 }],
    ['4851234.5, 546789.1', { x: 4851234.5, y: 546789.1, zone: null }],
    ['546789.1, 4851234.5', { x: 4851234.5, y: 546789.1, zone: null }],
  ])('reads %s as Gauss-Krüger X/Y', (text, expected) => {
    expect(parseCoordinates(text)).toEqual({ kind: 'gauss-kruger', ...expected });
  });

  it.each(['天山区', '2024-650102-83-01-000100', '12, 34', '200, 43', '4851234.5, 4851234.5', '1 2 3'])(
    'leaves %s to the name search',
    (text) => {
      expect(parseCoordinates(text)).toBeNull();
    },
  );
});
