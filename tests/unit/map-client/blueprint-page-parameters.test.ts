// The standard page's URL read by the client: the project, layers and bbox it asks for, the first wrong
// parameter named, the credential passed on (a key as it is, a signed link packed in one parameter for the
// map service, whose LAYERS and BBOX are its own); the server's bilingual messages cut to the reader's
// language; and the layers grouped into map images (imagery apart, ten at most to an image).
import type { BlueprintLayer } from '../../../map-client/src/blueprint/blueprintData';
import { localPart } from '../../../map-client/src/blueprint/localPart';
import { imageGroups } from '../../../map-client/src/blueprint/imageGroups';
import { credentialParams, readPageParameters } from '../../../map-client/src/blueprint/pageParameters';

describe('readPageParameters', () => {
  it('reads the project, the layers and the bbox, and passes the query on as it is', () => {
    const read = readPageParameters(
      '?projectCode=2024-650102-72-02-000581&layers=districts,land_use_plan&bbox=87.5,43.7,87.7,43.9',
    );
    expect(read).toEqual({
      request: {
        projectCode: '2024-650102-72-02-000581',
        layers: ['districts', 'land_use_plan'],
        bbox: [87.5, 43.7, 87.7, 43.9],
      },
      credential: { kind: 'none' },
      query:
        'projectCode=2024-650102-72-02-000581&layers=districts%2Cland_use_plan&bbox=87.5%2C43.7%2C87.7%2C43.9',
    });
    expect(readPageParameters('')).toMatchObject({
      request: { projectCode: null, layers: null, bbox: null },
    });
  });

  it.each([
    ['?bbox=87.5,43.7,87.7', 'bbox'],
    ['?bbox=87.7,43.7,87.5,43.9', 'bbox'],
    ['?bbox=87.5,43.7,187.7,43.9', 'bbox'],
    ['?bbox=a,b,c,d', 'bbox'],
    ['?bbox=', 'bbox'],
    ['?layers=Districts', 'layers'],
    ['?layers=', 'layers'],
    ['?projectCode=%20', 'projectCode'],
    ['?signature=abc', 'expires'],
    ['?expires=1', 'signature'],
  ])('names the wrong parameter of %s: %s', (search, parameter) => {
    expect(readPageParameters(search)).toMatchObject({ parameter });
  });

  it('passes a key on as apikey, and a signed link as link= and signature=', () => {
    const keyed = readPageParameters('?apikey=ob_x_y&layers=districts');
    expect('credential' in keyed && credentialParams(keyed.credential)).toEqual({ apikey: 'ob_x_y' });
    const signed = readPageParameters(
      '?projectCode=P&layers=a_b,c_d&bbox=1,2,3,4&expires=99&signature=SIG&other=1',
    );
    expect('credential' in signed && credentialParams(signed.credential)).toEqual({
      link: 'bbox=1%2C2%2C3%2C4&expires=99&layers=a_b%2Cc_d&projectCode=P',
      signature: 'SIG',
    });
  });
});

describe('localPart', () => {
  it('keeps the reader’s half of a bilingual message, and a one-language message whole', () => {
    expect(localPart('签名链接已过期 / the signed link has expired', 'zh-CN')).toBe('签名链接已过期');
    expect(localPart('签名链接已过期 / the signed link has expired', 'en')).toBe(
      'the signed link has expired',
    );
    expect(localPart('HTTP 500', 'zh-CN')).toBe('HTTP 500');
  });
});

describe('imageGroups', () => {
  const layer = (code: string, geometryType = 'MultiPolygon'): BlueprintLayer => ({
    code,
    name: code,
    geometryType,
    extent: null,
  });

  it('draws consecutive vector layers in one image, imagery in its own, ten at most to an image', () => {
    const vectors = Array.from({ length: 12 }, (_, i) => layer(`v${i}`));
    const groups = imageGroups([layer('imagery', 'Raster'), ...vectors]);
    expect(groups.map((g) => g.map((l) => l.code))).toEqual([
      ['imagery'],
      vectors.slice(0, 10).map((l) => l.code),
      ['v10', 'v11'],
    ]);
  });
});
