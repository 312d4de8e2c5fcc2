// Merged candidates: from each seed parcel, adjacent parcels are added nearest-first (by their centres) until
// the union reaches the required area, so the group stays compact and connected along shared boundaries.
// Groups never share a parcel; a seed whose neighbourhood runs out before the area is reached gives none.

export interface PoolParcel {
  id: string;
  areaM2: number;
  /** centre, longitude and latitude in degrees */
  x: number;
  y: number;
}

export interface Neighbourhood {
  seedId: string;
  parcels: PoolParcel[];
  /** pairs of parcel ids sharing a stretch of boundary */
  adjacent: [string, string][];
}

export interface Group {
  parcelIds: string[];
  areaM2: number;
}

/** squared distance in metres (near enough over a few kilometres) */
function distance2(a: PoolParcel, b: PoolParcel): number {
  const dx = (a.x - b.x) * 111_320 * Math.cos((b.y * Math.PI) / 180);
  const dy = (a.y - b.y) * 110_574;
  return dx * dx + dy * dy;
}

function growOne(hood: Neighbourhood, requiredM2: number, used: ReadonlySet<string>): Group | null {
  const byId = new Map(hood.parcels.map((p) => [p.id, p]));
  const seed = byId.get(hood.seedId);
  if (!seed || used.has(seed.id)) return null;
  const links = new Map<string, string[]>();
  for (const [a, b] of hood.adjacent) {
    links.set(a, [...(links.get(a) ?? []), b]);
    links.set(b, [...(links.get(b) ?? []), a]);
  }
  const group = [seed.id];
  const inGroup = new Set(group);
  let areaM2 = seed.areaM2;
  const frontier = new Map<string, number>();
  const reach = (id: string) => {
    for (const next of links.get(id) ?? []) {
      const parcel = byId.get(next);
      if (parcel && !inGroup.has(next) && !used.has(next)) frontier.set(next, distance2(parcel, seed));
    }
  };
  reach(seed.id);
  while (areaM2 < requiredM2 && frontier.size > 0) {
    let nearest: string | null = null;
    let best = Infinity;
    for (const [id, d] of frontier)
      if (d < best || (d === best && nearest !== null && id < nearest)) [nearest, best] = [id, d];
    frontier.delete(nearest!);
    group.push(nearest!);
    inGroup.add(nearest!);
    areaM2 += byId.get(nearest!)!.areaM2;
    reach(nearest!);
  }
  return areaM2 >= requiredM2 ? { parcelIds: group, areaM2 } : null;
}

/** Up to `maxGroups` disjoint groups of at least `requiredM2`, one per seed in the order given. */
export function growGroups(hoods: Neighbourhood[], requiredM2: number, maxGroups: number): Group[] {
  const used = new Set<string>();
  const groups: Group[] = [];
  for (const hood of hoods) {
    if (groups.length >= maxGroups) break;
    const group = growOne(hood, requiredM2, used);
    if (!group) continue;
    group.parcelIds.forEach((id) => used.add(id));
    groups.push(group);
  }
  return groups;
}
