// A project's site through time: its versions (oldest first), the one chosen on the timeline (the current
// one at first), that version's geometry, and its difference from the version before it.
import { useMemo, useState } from 'react';
import { fetchSiteDiff, fetchSiteVersion, fetchSiteVersions } from '../../api/projects';
import { useResource } from '../useResource';

export function useSiteHistory(code: string) {
  const { resource: versions, reload: reloadVersions } = useResource(`site-versions:${code}`, (signal) =>
    fetchSiteVersions(code, signal),
  );
  const oldestFirst = useMemo(
    () => (versions.status === 'ready' ? [...versions.value].sort((a, b) => a.version - b.version) : []),
    [versions],
  );
  const [picked, setPicked] = useState<{ code: string; version: number } | null>(null);
  const current = oldestFirst.find((v) => v.current) ?? oldestFirst[oldestFirst.length - 1];
  const chosen = picked?.code === code ? picked.version : (current?.version ?? null);
  const previous = chosen === null ? undefined : [...oldestFirst].reverse().find((v) => v.version < chosen);

  const { resource: site, reload: reloadSite } = useResource(
    chosen === null ? null : `site:${code}:${chosen}`,
    (signal) => fetchSiteVersion(code, chosen!, signal),
  );
  const { resource: diff, reload: reloadDiff } = useResource(
    chosen === null || !previous ? null : `site-diff:${code}:${previous.version}:${chosen}`,
    (signal) => fetchSiteDiff(code, previous!.version, chosen!, signal),
  );
  return {
    versions,
    reloadVersions,
    oldestFirst,
    chosen,
    choose: (version: number) => setPicked({ code, version }),
    site,
    reloadSite,
    diff: previous ? diff : null,
    reloadDiff,
  };
}
