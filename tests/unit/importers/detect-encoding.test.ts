// Text encodings of uploaded files: UTF-8 and GBK are told apart by strict decoding, UTF-16 and garbage
// are refused with the line and byte at fault, and .cpg contents name the encoding.
import { execFileSync } from 'node:child_process';
import { decodeText, detectEncoding, encodingFromCpg } from '../../../importers/encoding/detect-encoding';
import { ImportError } from '../../../importers/import-error';

// Known GBK byte sequences (checked against iconv -t GBK below when iconv is present).
const GBK: Record<string, string> = {
  生态保护红线: 'C9FACCACB1A3BBA4BAECCFDF',
  永久基本农田: 'D3C0BEC3BBF9B1BEC5A9CCEF',
  界址点: 'BDE7D6B7B5E3',
};
const gbk = (text: keyof typeof GBK) => Buffer.from(GBK[text] ?? '', 'hex');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

const hasIconv = (() => {
  try {
    execFileSync('which', ['iconv']);
    return true;
  } catch {
    return false;
  }
})();

describe('detectEncoding', () => {
  (hasIconv ? it : it.skip)('uses GBK byte sequences that iconv agrees with', () => {
    for (const [text, hex] of Object.entries(GBK)) {
      const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
      expect(bytes.toString('hex').toUpperCase()).toBe(hex);
    }
  });

  it('calls pure ASCII UTF-8', () => {
    expect(detectEncoding(utf8('J1,1,4851775.302,29548285.115\r\n'))).toBe('UTF-8');
    expect(detectEncoding(new Uint8Array())).toBe('UTF-8');
  });

  it('recognises UTF-8 Chinese, with or without a BOM', () => {
    expect(detectEncoding(utf8('生态保护红线'))).toBe('UTF-8');
    expect(detectEncoding(utf8('\uFEFF生态保护红线'))).toBe('UTF-8');
  });

  it('recognises GBK Chinese', () => {
    expect(detectEncoding(gbk('生态保护红线'))).toBe('GBK');
    expect(detectEncoding(Buffer.concat([utf8('名称='), gbk('永久基本农田'), utf8('\r\n')]))).toBe('GBK');
  });

  it('finds neither in bytes valid in neither', () => {
    expect(detectEncoding(Buffer.from([0x41, 0xff, 0xfe, 0xff, 0x42]))).toBeUndefined();
    expect(detectEncoding(Buffer.from([0xc9]))).toBeUndefined(); // a GBK lead byte cut off
  });

  it('lets the NUL padding of DBF records through', () => {
    expect(detectEncoding(Buffer.concat([gbk('界址点'), Buffer.alloc(10)]))).toBe('GBK');
  });

  it('does not take a UTF-16 file with a BOM for either', () => {
    expect(
      detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('J1,1', 'utf16le')])),
    ).toBeUndefined();
  });

  it('accepts a sample cut in the middle of a character when told it is one', () => {
    const cutUtf8 = utf8('生态保护红线').subarray(0, 4);
    expect(detectEncoding(cutUtf8)).not.toBe('UTF-8');
    expect(detectEncoding(cutUtf8, { sample: true })).toBe('UTF-8');
    const cutGbk = Buffer.concat([utf8('name='), gbk('界址点').subarray(0, 5)]);
    expect(detectEncoding(cutGbk)).toBeUndefined();
    expect(detectEncoding(cutGbk, { sample: true })).toBe('GBK');
  });
});

describe('decodeText', () => {
  it('detects and decodes, removing a UTF-8 BOM', () => {
    expect(decodeText(utf8('\uFEFF坐标系=2000国家大地坐标系'))).toEqual({
      text: '坐标系=2000国家大地坐标系',
      encoding: 'UTF-8',
      detected: true,
    });
    expect(decodeText(gbk('界址点'))).toEqual({ text: '界址点', encoding: 'GBK', detected: true });
  });

  it('decodes in the encoding it is told', () => {
    expect(decodeText(gbk('生态保护红线'), 'GBK')).toEqual({
      text: '生态保护红线',
      encoding: 'GBK',
      detected: false,
    });
    expect(decodeText(utf8('abc'), 'GBK').text).toBe('abc');
  });

  it('names the file, line and byte offset where the told encoding fails', () => {
    const bytes = Buffer.concat([utf8('[属性描述]\n坐标系='), gbk('生态保护红线'), utf8('\n')]);
    const error = refusal(() => decodeText(bytes, 'UTF-8', 'parcels.txt'));
    expect(error.code).toBe('encoding');
    const offset = utf8('[属性描述]\n坐标系=').length;
    expect(error.details).toMatchObject({ file: 'parcels.txt', encoding: 'UTF-8', line: 2, offset });
    expect(error.message).toContain('parcels.txt');
    expect(error.message).toContain(`字节偏移 ${offset}`);
    expect(error.message).toContain('C9 FA CC AC');
  });

  it('refuses a 0xFF byte in GBK, which code page 936 decoders quietly map to a private-use character', () => {
    const bytes = Buffer.concat([gbk('界址点'), Buffer.from([0xff])]);
    expect(refusal(() => decodeText(bytes, 'GBK')).details).toMatchObject({ line: 1, offset: 6 });
    expect(detectEncoding(bytes)).toBeUndefined();
  });

  it('reads GB18030 four-byte characters as GBK', () => {
    // U+00E6 "æ" has no two-byte GBK code; GB18030 writes it 81 30 8A 33
    expect(decodeText(Buffer.from('81308A3341', 'hex'), 'GBK').text).toBe('\u00e6A');
  });

  it('points at a GBK character cut off at the end of the file', () => {
    const bytes = Buffer.concat([utf8('a\nb\n'), gbk('界址点').subarray(0, 5)]);
    const error = refusal(() => decodeText(bytes, 'GBK', 'cut.txt'));
    expect(error.details).toMatchObject({ line: 3, offset: 8 });
  });

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    const error = refusal(() => decodeText(Buffer.from([0x41, 0xff, 0x42]), undefined, 'odd.txt'));
    expect(error.code).toBe('encoding');
    expect(error.message).toContain('odd.txt');
    expect(error.message).toContain('neither UTF-8 nor GBK');
  });

  it.each([
    ['a little-endian BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('坐标系', 'utf16le')])],
    ['a big-endian BOM', Buffer.from([0xfe, 0xff, 0x57, 0x50])],
    ['no BOM but NUL bytes', Buffer.from('J1,1,4851775.302,29548285.115', 'utf16le')],
  ])('refuses UTF-16 with %s, asking for UTF-8 or GBK', (_, bytes) => {
    const error = refusal(() => decodeText(bytes, undefined, 'unicode.txt'));
    expect(error.code).toBe('encoding');
    expect(error.details.encoding).toBe('UTF-16');
    expect(error.message).toMatch(/UTF-8 或 GBK.*save it as UTF-8 or GBK/);
    expect(refusal(() => decodeText(bytes, 'UTF-8')).details.encoding).toBe('UTF-16');
  });
});

describe('encodingFromCpg', () => {
  it.each([
    ['UTF-8', 'UTF-8'],
    ['utf8\r\n', 'UTF-8'],
    ['65001', 'UTF-8'],
    ['\uFEFF UTF-8 ', 'UTF-8'],
    ['GBK', 'GBK'],
    ['cp936', 'GBK'],
    ['936\n', 'GBK'],
    ['GB2312', 'GBK'],
    [' gb18030 ', 'GBK'],
  ])('maps %j to %s', (cpg, expected) => {
    expect(encodingFromCpg(cpg)).toBe(expected);
  });

  it.each(['ISO-8859-1', '1252', 'Big5', ''])('knows nothing of %j', (cpg) => {
    expect(encodingFromCpg(cpg)).toBeUndefined();
  });
});
