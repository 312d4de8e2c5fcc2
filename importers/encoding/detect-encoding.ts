// Text encodings of the files planners hand us: UTF-8 or GBK (DBF attributes, .cpg, boundary-coordinate
// text), detected by strict decoding, with errors naming the line and byte where a file stops being valid.
import { ImportError } from '../import-error';

export type TextEncodingName = 'UTF-8' | 'GBK';

// Node's ICU "gbk" decoder is Windows code page 936 and is not strict: with `fatal: true` it still turns a
// lone 0xFF into U+F8F5 and it refuses GB18030's four-byte sequences. The "gb18030" decoder is the WHATWG
// superset of GBK (the Encoding Standard's GBK decoder is the gb18030 decoder) and refuses 0xFF, so GBK
// text is decoded with it.
const DECODER_LABEL: Record<TextEncodingName, string> = { 'UTF-8': 'utf-8', GBK: 'gb18030' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (a BOM, or bytes that decode strictly as UTF-8, pure ASCII included), else GBK, else undefined.
 * NUL bytes pass (DBF records are padded with them); decodeText is what refuses NUL-ridden UTF-16 text.
 * With `sample`, the bytes are the start of a longer file and may end in the middle of a character.
 */
export function detectEncoding(
  bytes: Uint8Array,
  { sample = false }: { sample?: boolean } = {},
): TextEncodingName | undefined {
  if (hasUtf16Bom(bytes)) return undefined;
  const valid = (encoding: TextEncodingName) =>
    sample ? validPrefix(bytes, bytes.length, encoding) : isValid(bytes, encoding);
  if (valid('UTF-8')) return 'UTF-8';
  if (hasUtf8Bom(bytes)) return undefined;
  if (valid('GBK')) return 'GBK';
  return undefined;
}

/**
 * Decodes a file's bytes: strictly in `encoding` when given, else in the detected encoding. A BOM is
 * removed. Throws ImportError `encoding` naming the file, line and byte offset at fault.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  fileName?: string,
): { text: string; encoding: TextEncodingName; detected: boolean } {
  const file = fileName ?? '（未命名文件）';
  const fileEn = fileName ?? '(unnamed file)';
  if (looksLikeUtf16(bytes)) {
    throw new ImportError(
      'encoding',
      `文件 "${file}" 是 UTF-16（Unicode）编码，无法读取：请用记事本等工具另存为 UTF-8 或 GBK（ANSI）后重新上传 / ` +
        `File "${fileEn}" is UTF-16 (Unicode) text, which is not accepted: save it as UTF-8 or GBK (ANSI) and upload it again`,
      { file: fileName, encoding: 'UTF-16' },
    );
  }
  if (encoding !== undefined) {
    const failure = firstInvalidByte(bytes, encoding);
    if (failure !== undefined) {
      const { line, offset } = failure;
      const hex = hexAt(bytes, offset);
      throw new ImportError(
        'encoding',
        `文件 "${file}" 第 ${line} 行（字节偏移 ${offset}，${hex ? `字节 ${hex}` : '文件末尾'}）不是有效的 ${encoding} 编码：请确认文件的实际编码` +
          `（UTF-8 或 GBK）并重新指定，或另存为 UTF-8 后重新上传 / ` +
          `File "${fileEn}" is not valid ${encoding} at line ${line} (byte offset ${offset}, ${hex ? `bytes ${hex}` : 'end of file'}): ` +
          `name the file's real encoding (UTF-8 or GBK), or save it as UTF-8 and upload it again`,
        { file: fileName, encoding, line, offset },
      );
    }
    return { text: decode(bytes, encoding), encoding, detected: false };
  }
  const detected = detectEncoding(bytes);
  if (detected === undefined) {
    throw new ImportError(
      'encoding',
      `文件 "${file}" 既不是 UTF-8 也不是 GBK 编码的文本（可能已损坏或不是文本文件）：请另存为 UTF-8 或 GBK 后重新上传 / ` +
        `File "${fileEn}" is neither UTF-8 nor GBK text (it may be damaged or not a text file): ` +
        `save it as UTF-8 or GBK and upload it again`,
      { file: fileName },
    );
  }
  return { text: decode(bytes, detected), encoding: detected, detected: true };
}

/** The encoding a Shapefile `.cpg` names, if it is one we read (UTF-8 or the GBK family). */
export function encodingFromCpg(cpgText: string): TextEncodingName | undefined {
  const name = cpgText
    .replace(/^\uFEFF/, '')
    .replace(/[\s_-]/g, '')
    .toUpperCase();
  if (['UTF8', '65001', 'CP65001'].includes(name)) return 'UTF-8';
  if (
    ['GBK', 'CP936', '936', 'MS936', 'WINDOWS936', 'ANSI936', 'GB2312', 'GB18030', 'EUCCN'].includes(name)
  ) {
    return 'GBK';
  }
  return undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((b, i) => bytes[i] === b);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  const [b0, b1] = bytes;
  return (b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff);
}

/** UTF-16 by its BOM, or by NUL bytes, which text in UTF-8 or GBK never has but UTF-16 digits and Latin do. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return true;
  const sample = bytes.subarray(0, 4096);
  let nuls = 0;
  for (const b of sample) if (b === 0) nuls += 1;
  return sample.length >= 2 && nuls * 10 >= sample.length;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): string {
  // The UTF-8 decoder drops a leading BOM itself (ignoreBOM: false); GBK has none.
  return new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes);
}

function isValid(bytes: Uint8Array, encoding: TextEncodingName): boolean {
  try {
    decode(bytes, encoding);
    return true;
  } catch {
    return false;
  }
}

/** Whether `bytes[0, length)` is valid so far, allowing an unfinished character at its end. */
function validPrefix(bytes: Uint8Array, length: number, encoding: TextEncodingName): boolean {
  try {
    new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes.subarray(0, length), {
      stream: true,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Where `bytes` stops being valid in `encoding` (the first byte of the character at fault), with its 1-based
 * line, or undefined when all of it is valid. Prefix validity is monotonic, so a binary search finds the
 * longest valid prefix; the faulty character starts at its last complete character's end.
 */
function firstInvalidByte(
  bytes: Uint8Array,
  encoding: TextEncodingName,
): { offset: number; line: number } | undefined {
  if (isValid(bytes, encoding)) return undefined;
  let good = 0; // longest prefix known valid, allowing an unfinished character at its end
  if (validPrefix(bytes, bytes.length, encoding)) {
    good = bytes.length;
  } else {
    let bad = bytes.length; // shortest prefix known invalid
    while (bad - good > 1) {
      const mid = (good + bad) >>> 1;
      if (validPrefix(bytes, mid, encoding)) good = mid;
      else bad = mid;
    }
  }
  // A character is at most four bytes long in either encoding.
  let offset = good;
  while (offset > Math.max(0, good - 4) && !isValid(bytes.subarray(0, offset), encoding)) offset -= 1;
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return { offset, line };
}

/** Up to four bytes from `offset` in hex ("C9 FA FF"), empty at the end of the file. */
function hexAt(bytes: Uint8Array, offset: number): string {
  return Array.from(bytes.subarray(offset, offset + 4), (b) =>
    b.toString(16).toUpperCase().padStart(2, '0'),
  ).join(' ');
}
