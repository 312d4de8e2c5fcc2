// The fonts maps and legends are drawn with: Debian's Noto Sans CJK (fonts-noto-cjk), registered once,
// so Chinese names and labels render on any machine that has the package.
import { GlobalFonts } from '@napi-rs/canvas';

const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

let family: string | undefined;

/** The CSS font-family list to use for Chinese text (registering the CJK font on first use). */
export function cjkFontFamily(): string {
  if (family === undefined) {
    const before = new Set(GlobalFonts.families.map((f) => f.family));
    GlobalFonts.registerFromPath(CJK_FONT_FILE);
    const added = GlobalFonts.families.map((f) => f.family).filter((f) => !before.has(f) && /CJK/.test(f));
    const names = [...added, 'Noto Sans CJK SC', 'Noto Sans CJK JP'].filter(
      (f, i, all) => all.indexOf(f) === i,
    );
    family = [...names.map((f) => `"${f}"`), 'sans-serif'].join(', ');
  }
  return family;
}

export function cjkFont(
  sizePx: number,
  weight: 'normal' | 'bold' = 'normal',
  style: 'normal' | 'italic' = 'normal',
): string {
  return `${style} ${weight} ${sizePx}px ${cjkFontFamily()}`;
}
