// What a printable document is made of, independent of its file format: the PDF and DOCX writers draw the
// same blocks in order (the compliance report and the planning opinion document are both written so).
export type DocumentBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  /** strong: larger and bold, in `colour` (#rrggbb) when given; note: small and grey */
  | { kind: 'paragraph'; text: string; emphasis?: 'strong' | 'note'; colour?: string }
  | { kind: 'fields'; rows: [string, string][] }
  /** a PNG across the text width (full) or at 70 % of it (narrow), with a caption under it */
  | { kind: 'image'; png: Buffer; caption: string; width: 'full' | 'narrow' };

export interface DocumentInfo {
  title: string;
  subject: string;
}

/** A PNG's size from its IHDR chunk: the width at byte 16, the height at byte 20. */
export function pngAspect(png: Buffer): number {
  return png.readUInt32BE(20) / png.readUInt32BE(16);
}

export const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** the Simplified Chinese face inside the collection (fc-query shows each face's postscript name) */
export const CJK_FONT_FACE = 'NotoSansCJKsc-Regular';
