// Merged candidates grown from a seed over shared boundaries: nearest parcels first, only along adjacency,
// stopping at the required area, never sharing a parcel between groups, none when the area is not reached.
import { growGroups, type Neighbourhood, type PoolParcel } from '../../../compliance-rules';

/** a row of 1-hectare parcels 100 m apart along a parallel at 43.8°, p0 … p(n-1), each touching the next */
function row(n: number, prefix = 'p'): PoolParcel[] {
  const dLon = 100 / (111_320 * Math.cos((43.8 * Math.PI) / 180));
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    areaM2: 10_000,
    x: 87.6 + i * dLon,
    y: 43.8,
  }));
}
const chain = (parcels: PoolParcel[]): [string, string][] =>
  parcels.slice(1).map((p, i) => [parcels[i]!.id, p.id]);

describe('growGroups', () => {
  it('grows from the seed to the nearest adjacent parcels until the area is reached', () => {
    const parcels = row(7);
    const hood: Neighbourhood = { seedId: 'p3', parcels, adjacent: chain(parcels) };
    const [group] = growGroups([hood], 30_000, 5);
    expect(group!.parcelIds.sort()).toEqual(['p2', 'p3', 'p4']);
    expect(group!.areaM2).toBe(30_000);
  });

  it('follows adjacency only: a near parcel that shares no boundary is not taken', () => {
    const parcels = row(4);
    // p1 is nearest to p0 but not adjacent to it; p0 touches only p3, which touches p2
    const hood: Neighbourhood = {
      seedId: 'p0',
      parcels,
      adjacent: [
        ['p0', 'p3'],
        ['p3', 'p2'],
      ],
    };
    expect(growGroups([hood], 20_000, 1)[0]!.parcelIds).toEqual(['p0', 'p3']);
    expect(growGroups([hood], 30_000, 1)[0]!.parcelIds).toEqual(['p0', 'p3', 'p2']);
  });

  it('gives no group when the connected parcels are too small together', () => {
    const parcels = row(3);
    expect(growGroups([{ seedId: 'p0', parcels, adjacent: chain(parcels) }], 40_000, 5)).toEqual([]);
  });

  it('never puts a parcel in two groups, and skips a seed already taken', () => {
    const parcels = row(6);
    const adjacent = chain(parcels);
    const groups = growGroups(
      [
        { seedId: 'p1', parcels, adjacent },
        { seedId: 'p0', parcels, adjacent },
        { seedId: 'p4', parcels, adjacent },
      ],
      20_000,
      5,
    );
    const ids = groups.flatMap((g) => g.parcelIds);
    expect(new Set(ids).size).toBe(ids.length);
    // p1 takes p0 (as near as p2, the smaller id), so the seed p0 gives nothing
    expect(groups.map((g) => g.parcelIds)).toEqual([
      ['p1', 'p0'],
      ['p4', 'p3'],
    ]);
  });

  it('stops at the number of groups asked for', () => {
    const a = row(2, 'a');
    const b = row(2, 'b');
    const hoods = [
      { seedId: 'a0', parcels: a, adjacent: chain(a) },
      { seedId: 'b0', parcels: b, adjacent: chain(b) },
    ];
    expect(growGroups(hoods, 20_000, 1)).toHaveLength(1);
  });
});
