// A server timestamp (ISO 8601) in the user's locale and time zone, to the minute.
import type { Locale } from '../i18n/messages';

export function formatDateTime(iso: string | null | undefined, locale: Locale, empty = '—'): string {
  if (!iso) return empty;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}
