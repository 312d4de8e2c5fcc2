// The locate box's choices, in the order listed: the typed point, then projects, districts, places.
import type { PlaceMatch, ProjectMatch } from '../../api/locate';
import type { LocateResults } from './useLocateResults';

export type LocateItem =
  | { kind: 'coordinates'; id: string }
  | { kind: 'project'; id: string; project: ProjectMatch }
  | { kind: 'place'; id: string; place: PlaceMatch };

export function locateItems(results: LocateResults): LocateItem[] {
  if (results.coordinates) return [{ kind: 'coordinates', id: 'coordinates' }];
  const projects = results.projects.status === 'ready' ? results.projects.value : [];
  const places = results.places.status === 'ready' ? results.places.value : [];
  return [
    ...projects.map((project): LocateItem => ({ kind: 'project', id: `project:${project.code}`, project })),
    ...places.map((place): LocateItem => ({
      kind: 'place',
      id: `place:${place.layerCode}:${place.name}`,
      place,
    })),
  ];
}
