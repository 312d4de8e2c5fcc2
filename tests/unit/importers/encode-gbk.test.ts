// GBK bytes for boundary-coordinate text asked for in GBK, read back by the importers' strict decoder.
import { decodeText, detectEncoding } from '../../../importers/encoding/detect-encoding';
import { encodeGbk } from '../../../importers/encoding/encode-gbk';
import { ImportError } from '../../../importers/import-error';

describe('encodeGbk', () => {
  it('writes Chinese text as GBK that decodes to the same text', () => {
    const text = '坐标系=2000国家大地坐标系\r\n5,0.3500,DK-1,乌鲁木齐市第九十八中学，教育用地,面,,,,@\r\n';
    const bytes = encodeGbk(text);
    expect(bytes.subarray(0, 6)).toEqual(Buffer.from([0xd7, 0xf8, 0xb1, 0xea, 0xcf, 0xb5])); // 坐标系
    expect(detectEncoding(bytes)).toBe('GBK');
    expect(decodeText(bytes, 'GBK').text).toBe(text);
  });

  it('refuses a character GBK has no code for, naming it', () => {
    let error: unknown;
    try {
      encodeGbk('地块🏠');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'unencodable', details: { parameter: 'encoding', character: '🏠' } });
  });
});
