// The tile cache keeps within its byte bound, least recently used first, and drops exactly the tiles
// of a layer whose version changed.
import { TileCache } from '../../spatial-api/tiles/tile-cache';

const tile = (n: number) => Buffer.alloc(n, 1);

describe('tile cache', () => {
  it('evicts the least recently used tiles past its byte bound', () => {
    const cache = new TileCache(300);
    cache.set('a', '1', 1, 0, 0, tile(100));
    cache.set('a', '1', 1, 0, 1, tile(100));
    cache.set('a', '1', 1, 1, 0, tile(100));
    expect(cache.get('a', '1', 1, 0, 0)).toBeDefined(); // now most recently used
    cache.set('a', '1', 1, 1, 1, tile(100));
    expect(cache.get('a', '1', 1, 0, 1)).toBeUndefined();
    expect(cache.get('a', '1', 1, 0, 0)).toBeDefined();
    expect(cache.size).toEqual({ tiles: 3, bytes: 300 });
  });

  it('drops only the changed layer’s old version', () => {
    const cache = new TileCache(10_000);
    cache.observeVersion('a', '1');
    cache.observeVersion('b', '7');
    cache.set('a', '1', 3, 1, 1, tile(10));
    cache.set('b', '7', 3, 1, 1, tile(10));
    cache.observeVersion('a', '2');
    expect(cache.get('a', '1', 3, 1, 1)).toBeUndefined();
    expect(cache.get('b', '7', 3, 1, 1)).toBeDefined();
  });

  it('does not keep a tile larger than the whole bound', () => {
    const cache = new TileCache(50);
    cache.set('a', '1', 0, 0, 0, tile(60));
    expect(cache.size.tiles).toBe(0);
  });
});
