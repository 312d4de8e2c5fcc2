// Degrees as 度分秒 (e.g. 87°36′12.34″E), the way surveyors and planning documents write them.
export function formatDms(degrees: number, positive: string, negative: string): string {
  const hemisphere = degrees < 0 ? negative : positive;
  // round once, in hundredths of a second, so 59.999″ never prints as 60.00″
  const hundredths = Math.round(Math.abs(degrees) * 360_000);
  const d = Math.floor(hundredths / 360_000);
  const m = Math.floor((hundredths % 360_000) / 6_000);
  const s = (hundredths % 6_000) / 100;
  return `${d}°${String(m).padStart(2, '0')}′${s.toFixed(2).padStart(5, '0')}″${hemisphere}`;
}
