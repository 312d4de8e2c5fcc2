// What the locate box offers for a text: typed coordinates at once; otherwise, a moment after typing stops,
// projects (for holders of projects.read) and districts and place names from the server, each with its own
// loading, error (and retry) and results.
import { useEffect, useMemo, useState } from 'react';
import { fetchPlaces, fetchProjects, type PlaceMatch, type ProjectMatch } from '../../api/locate';
import { useResource, type Resource } from '../../components/useResource';
import { parseCoordinates, type TypedCoordinates } from './parseCoordinates';

const DEBOUNCE_MS = 250;

export interface LocateResults {
  coordinates: TypedCoordinates | null;
  projects: Resource<ProjectMatch[]>;
  places: Resource<PlaceMatch[]>;
  retryProjects: () => void;
  retryPlaces: () => void;
}

export function useLocateResults(text: string, canReadProjects: boolean): LocateResults {
  const trimmed = text.trim();
  const coordinates = useMemo(() => (trimmed ? parseCoordinates(trimmed) : null), [trimmed]);
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(trimmed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);
  const search = !coordinates && settled === trimmed && trimmed.length > 0 ? trimmed : null;
  const { resource: projects, reload: retryProjects } = useResource(
    search && canReadProjects ? `projects:${search}` : null,
    (signal) => fetchProjects(search!, signal),
  );
  const { resource: places, reload: retryPlaces } = useResource(
    search ? `places:${search}` : null,
    (signal) => fetchPlaces(search!, signal),
  );
  return { coordinates, projects, places, retryProjects, retryPlaces };
}
