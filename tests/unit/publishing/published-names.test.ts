// Names that leave our database (view, column, GeoServer and GWC names) are checked before any SQL or
// HTTP request: plain names pass, Chinese attribute names too, anything that could inject is refused.
import { PublishingError } from '../../../layers/publishing';
import {
  checkAttributes,
  checkGeometryType,
  checkLayerCode,
} from '../../../layers/publishing/published-names';

const attribute = (name: string, type: 'string' | 'number' = 'string') => ({ name, label: name, type });

describe('published names', () => {
  it('accepts the catalog codes and refuses anything else', () => {
    expect(checkLayerCode('land_use_plan')).toBe('land_use_plan');
    for (const code of [
      'Land_use',
      '1layer',
      'x',
      'a-b',
      'x"; DROP TABLE layers; --',
      '../rest',
      'a'.repeat(64),
      7,
    ]) {
      expect(() => checkLayerCode(code)).toThrow(PublishingError);
    }
  });

  it('accepts plain and Chinese attribute names with their types', () => {
    expect(
      checkAttributes('l', [attribute('plot_ratio', 'number'), attribute('用地性质'), attribute('_x1')]),
    ).toEqual([
      { name: 'plot_ratio', type: 'number' },
      { name: '用地性质', type: 'string' },
      { name: '_x1', type: 'string' },
    ]);
  });

  it('refuses names that are not identifiers, clash or repeat, and unknown types', () => {
    const refused = (schema: unknown[]) => {
      try {
        checkAttributes('l', schema as never);
      } catch (error) {
        return (error as PublishingError).code;
      }
      return 'accepted';
    };
    expect(refused([attribute('x"; DROP')])).toBe('invalid_attribute_name');
    expect(refused([attribute('a b')])).toBe('invalid_attribute_name');
    expect(refused([attribute('2nd')])).toBe('invalid_attribute_name');
    expect(refused([attribute('')])).toBe('invalid_attribute_name');
    // 22 Chinese characters are 66 bytes, beyond PostgreSQL's 63
    expect(refused([attribute('用'.repeat(22))])).toBe('invalid_attribute_name');
    expect(refused([attribute('用'.repeat(21))])).toBe('accepted');
    expect(refused([attribute('geom')])).toBe('invalid_attribute_name');
    expect(refused([attribute('code'), attribute('code')])).toBe('invalid_attribute_name');
    expect(refused([{ name: 'code', label: 'c', type: 'json' }])).toBe('invalid_attribute_type');
    expect(refused('not an array' as never)).toBe('invalid_attribute_schema');
  });

  it('knows vector geometry types only', () => {
    expect(checkGeometryType('l', 'MultiPolygon')).toBe('MultiPolygon');
    expect(() => checkGeometryType('imagery_2024', 'Raster')).toThrow(
      /layer "imagery_2024" has no vector geometry \(Raster\)/,
    );
  });
});
