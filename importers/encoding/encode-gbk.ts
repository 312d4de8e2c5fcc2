// Text into GBK bytes, for files written for desktop tools that read only GBK. Node decodes GBK but has no
// encoder, so the table is built once, on first use, from the same strict decoder the importers read GBK
// with: every double-byte code (lead 0x81-0xFE, trail 0x40-0xFE but 0x7F) that decodes to one character.
import { ImportError } from '../import-error';

let table: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const codes = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let text: string;
      try {
        text = decoder.decode(pair);
      } catch {
        continue;
      }
      const point = text.codePointAt(0);
      if (point !== undefined && text.length === 1 && !codes.has(point))
        codes.set(point, (lead << 8) | trail);
    }
  }
  table = codes;
  return codes;
}

/** GBK bytes of the text; throws ImportError `unencodable` naming the first character GBK cannot hold. */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const bytes = Buffer.alloc(text.length * 2);
  let length = 0;
  for (const char of text) {
    const point = char.codePointAt(0)!;
    if (point < 0x80) {
      bytes[length++] = point;
      continue;
    }
    const code = codes.get(point);
    if (code === undefined) {
      throw new ImportError(
        'unencodable',
        `字符“${char}”（U+${point.toString(16).toUpperCase().padStart(4, '0')}）无法用GBK编码，请改用UTF-8 / the character ${char} (U+${point.toString(16).toUpperCase().padStart(4, '0')}) has no GBK code: use UTF-8`,
        { parameter: 'encoding', character: char },
      );
    }
    bytes[length++] = code >> 8;
    bytes[length++] = code & 0xff;
  }
  return bytes.subarray(0, length);
}
