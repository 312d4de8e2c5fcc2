// Which version of a layer the WMS draws for an as-of date: the last one published by the end of that
// day, Beijing time (the WMS's TIME rule). A rollback republishes an older version; the versions list
// keeps first publications only, so after a rollback this names the version that was newest then.
import type { VersionSummary } from '../api/types';

export function endOfDayBeijing(day: string): Date {
  return new Date(`${day}T23:59:59.999+08:00`);
}

export function versionAsOf(versions: VersionSummary[], day: string): VersionSummary | null {
  const end = endOfDayBeijing(day).getTime();
  let found: VersionSummary | null = null;
  for (const version of versions) {
    if (!version.publishedAt) continue;
    const at = new Date(version.publishedAt).getTime();
    if (at <= end && (!found || at > new Date(found.publishedAt as string).getTime())) found = version;
  }
  return found;
}

/** The calendar day of an instant in Beijing time (YYYY-MM-DD). */
export function beijingDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
