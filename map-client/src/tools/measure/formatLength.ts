// A length as planners read it: metres below a kilometre, kilometres above, always with the unit.
import type { Locale } from '../../i18n/messages';

export function formatLength(lengthM: number, locale: Locale): string {
  const digits = (value: number, n: number) =>
    value.toLocaleString(locale, { minimumFractionDigits: n, maximumFractionDigits: n });
  return lengthM >= 1000 ? `${digits(lengthM / 1000, 3)} km` : `${digits(lengthM, 2)} m`;
}
