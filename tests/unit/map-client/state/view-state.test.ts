// The workbench's view in the URL: what a link says is read back, bad parts are dropped, and writing a
// change leaves every parameter it does not name (another part's, e.g. the locate box's) untouched.
import { readViewState, writeViewState } from '../../../../map-client/src/state/viewState';

describe('readViewState', () => {
  it('reads centre, zoom, project, layers, order, opacity, as-of dates and the swipe', () => {
    const view = readViewState(
      new URLSearchParams(
        'x=87.6&y=43.8&z=12.5&project=2024-650102-47-01-000123&layers=districts,land_use_plan' +
          '&order=land_use_plan,districts&opacity=land_use_plan:40&asof=land_use_plan:2024-05-01' +
          '&swipe=land_use_plan@2024-05-01,land_use_plan,30',
      ),
    );
    expect(view).toEqual({
      centre: [87.6, 43.8],
      zoom: 12.5,
      project: '2024-650102-47-01-000123',
      visible: ['districts', 'land_use_plan'],
      order: ['land_use_plan', 'districts'],
      opacity: { land_use_plan: 0.4 },
      asOf: { land_use_plan: '2024-05-01' },
      swipe: {
        left: { code: 'land_use_plan', asOf: '2024-05-01' },
        right: { code: 'land_use_plan', asOf: null },
        position: 0.3,
      },
    });
  });

  it('tells an empty layer list (nothing shown) from none (the default set)', () => {
    expect(readViewState(new URLSearchParams('layers=')).visible).toEqual([]);
    expect(readViewState(new URLSearchParams('')).visible).toBeNull();
  });

  it('drops what cannot be meant: a centre off the globe, bad codes, dates and swipes', () => {
    const view = readViewState(
      new URLSearchParams(
        'x=200&y=43&z=99&layers=ok_layer,DROP%20TABLE&asof=a_layer:2024-13-45,b_layer:yesterday' +
          '&opacity=c_layer:abc&swipe=only_one',
      ),
    );
    expect(view.centre).toBeNull();
    expect(view.zoom).toBeNull();
    expect(view.visible).toEqual(['ok_layer']);
    expect(view.asOf).toEqual({});
    expect(view.opacity).toEqual({});
    expect(view.swipe).toBeNull();
  });
});

describe('writeViewState', () => {
  it('writes only what changed and keeps the parameters of others', () => {
    const next = writeViewState(new URLSearchParams('project=P1&foo=bar&layers=a_layer'), {
      centre: [87.123456789, 43.1],
      zoom: 11.23456,
    });
    expect(next.get('x')).toBe('87.123457');
    expect(next.get('y')).toBe('43.100000');
    expect(next.get('z')).toBe('11.23');
    expect(next.get('project')).toBe('P1');
    expect(next.get('foo')).toBe('bar');
    expect(next.get('layers')).toBe('a_layer');
  });

  it('leaves fully opaque layers and removed dates out, and round-trips the swipe', () => {
    const next = writeViewState(new URLSearchParams('asof=a_layer:2024-01-01'), {
      opacity: { a_layer: 1, b_layer: 0.25 },
      asOf: {},
      swipe: {
        left: { code: 'a_layer', asOf: '2023-01-01' },
        right: { code: 'b_layer', asOf: null },
        position: 0.7,
      },
    });
    expect(next.get('opacity')).toBe('b_layer:25');
    expect(next.has('asof')).toBe(false);
    expect(next.get('swipe')).toBe('a_layer@2023-01-01,b_layer,70');
    expect(readViewState(next).swipe?.position).toBe(0.7);
  });
});
