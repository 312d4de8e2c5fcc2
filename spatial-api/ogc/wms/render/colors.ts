// CSS colours of styles ('#rgb', '#rrggbb', '#rrggbbaa', 'rgb()', 'rgba()', a few names) combined with
// an opacity into the rgba() strings the canvas takes; and WMS BGCOLOR (0xRRGGBB).

export type Rgba = [number, number, number, number];

const NAMED: Record<string, Rgba> = {
  black: [0, 0, 0, 1],
  white: [255, 255, 255, 1],
  red: [255, 0, 0, 1],
  green: [0, 128, 0, 1],
  blue: [0, 0, 255, 1],
  yellow: [255, 255, 0, 1],
  gray: [128, 128, 128, 1],
  grey: [128, 128, 128, 1],
  transparent: [0, 0, 0, 0],
};

export function parseColor(value: unknown): Rgba | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  const hex = text.match(/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    const byte = (i: number) => parseInt(digits.slice(i * 2, i * 2 + 2), 16);
    return [byte(0), byte(1), byte(2), digits.length === 8 ? byte(3) / 255 : 1];
  }
  const fn = text.match(/^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3]), fn[4] === undefined ? 1 : Number(fn[4])];
  return NAMED[text] ?? null;
}

/** An rgba() string for the canvas, the colour's own alpha multiplied by `opacity`. */
export function cssColor(color: Rgba, opacity = 1): string {
  const alpha = Math.max(0, Math.min(1, color[3] * opacity));
  return `rgba(${color[0]},${color[1]},${color[2]},${Number(alpha.toFixed(4))})`;
}

/** WMS BGCOLOR: 0xRRGGBB (WMS 1.3.0, 7.3.3.9); null when malformed. */
export function parseBgColor(value: string): Rgba | null {
  const match = value.match(/^0x([0-9a-f]{6})$/i);
  return match ? parseColor(`#${match[1]}`) : null;
}
