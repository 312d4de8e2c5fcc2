// A boundary-coordinate parcel's rings (numbered by 圈号) read as parts and holes by where they lie.
import {
  boundaryAreaChecks,
  boundaryPolygons,
  parseBoundaryCoordinates,
} from '../../../importers/formats/boundary-coordinates';

const E = 29_548_000;
const N = 4_851_000;
/** A closed counter-clockwise square of `side` metres with its south-west corner `dx`, `dy` from (E, N). */
const square = (dx: number, dy: number, side: number): [number, number][] => [
  [E + dx, N + dy],
  [E + dx + side, N + dy],
  [E + dx + side, N + dy + side],
  [E + dx, N + dy + side],
  [E + dx, N + dy],
];

describe('boundaryPolygons', () => {
  it('makes a ring inside the outer ring a hole', () => {
    const outer = square(0, 0, 100);
    const hole = square(40, 40, 20);
    expect(boundaryPolygons([outer, hole])).toEqual([[outer, hole]]);
  });

  it('makes a ring outside it another part, also one touching it at a corner', () => {
    const first = square(0, 0, 100);
    const apart = square(200, 0, 50);
    const touching = square(100, 100, 30);
    expect(boundaryPolygons([first, apart, touching])).toEqual([[first], [apart], [touching]]);
  });

  it('keeps a hole that touches its outer ring at a corner', () => {
    const outer = square(0, 0, 100);
    const hole = square(0, 0, 20)
      .map(([x, y]): [number, number] => [x + 10, y])
      .slice(0, 4);
    hole.push(hole[0]!);
    expect(boundaryPolygons([outer, hole])).toEqual([[outer, hole]]);
  });

  it('makes an island inside a hole another part', () => {
    const outer = square(0, 0, 100);
    const lake = square(20, 20, 60);
    const island = square(40, 40, 10);
    expect(boundaryPolygons([outer, lake, island])).toEqual([[outer, lake], [island]]);
  });
});

it('adds the areas of a two-part parcel where it subtracted them', () => {
  const points = [...square(0, 0, 100), ...square(200, 0, 50)]
    .map(([e, n], i) => `J${i + 1},${i < 5 ? 1 : 2},${n.toFixed(3)},${e.toFixed(3)}`)
    .join('\n');
  const text = `[属性描述]\n坐标系=2000国家大地坐标系\n几度分带=3\n带号=29\n[地块坐标]\n10,1.2500,1,两块地,面,,,,@\n${points}\n`;
  const [check] = boundaryAreaChecks(parseBoundaryCoordinates(text));
  expect(check?.computedM2).toBeCloseTo(12_500, 6);
  expect(check?.differencePct).toBeCloseTo(0, 9);
});
