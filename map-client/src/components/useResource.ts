// Loads one thing from the API for a component: loading, error or ready, cancelled when the component
// goes away or asks for something else. `reload` fetches again and keeps showing the old value meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Resource<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; value: T };

type Loaded<T> = { key: string } & ({ status: 'error'; error: unknown } | { status: 'ready'; value: T });

/**
 * `key` names what to load (e.g. `layer:ecological_red_line`); a new key starts over, null loads nothing.
 * `load` may be a new function on every render: the latest one is used when the key changes.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): { resource: Resource<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setLoaded({ key, status: 'ready', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  let resource: Resource<T>;
  if (key === null) resource = { status: 'idle' };
  else if (!loaded || loaded.key !== key) resource = { status: 'loading' };
  else if (loaded.status === 'ready') resource = { status: 'ready', value: loaded.value };
  else resource = { status: 'error', error: loaded.error };
  return { resource, reload };
}
