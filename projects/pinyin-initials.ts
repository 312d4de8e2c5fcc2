// Pinyin initials (拼音首字母) of a project's name or construction unit, for a search typed in Latin letters:
// 新疆道路改扩建工程 → xjdlgkjgc. A Chinese character gives the first letter of its reading in context (pinyin-pro
// reads polyphones by the words around them: 重庆 → cq, 行长 → hz); Latin letters and digits are kept in lower
// case; anything else (spaces, brackets, punctuation) is left out.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;
const KEPT = /^[a-z0-9]$/;

export function pinyinInitials(text: string): string {
  const normalised = text.normalize('NFKC');
  const readings = pinyin(normalised, { pattern: 'first', toneType: 'none', type: 'array' });
  const chars = [...normalised];
  // one reading a character; should pinyin-pro ever group them otherwise, read character by character
  const parts =
    readings.length === chars.length
      ? readings.map((reading, i) => (HAN.test(chars[i]!) ? reading.charAt(0) : chars[i]!))
      : chars.map((c) => (HAN.test(c) ? pinyin(c, { pattern: 'first', toneType: 'none' }).charAt(0) : c));
  return parts
    .map((part) => part.toLowerCase())
    .filter((part) => KEPT.test(part))
    .join('');
}

/** A search text that may be pinyin initials: Latin letters (and digits), at least one letter. */
export function mayBeInitials(q: string): boolean {
  return /^[a-z0-9]+$/i.test(q) && /[a-z]/i.test(q);
}
