// The tile cache keeps within its byte bound, least recently used first, and drops exactly the tiles
// of a layer whose version changed.
import { ENTRY_OVERHEAD_BYTES, TileCache } from '../../spatial-api/tiles/tile-cache';

/** a tile costing n bytes in the cache */
const tile = (n: number) => Buffer.alloc(n - ENTRY_OVERHEAD_BYTES, 1);

describe('tile cache', () => {
  it('evicts the least recently used tiles past its byte bound', () => {
    const cache = new TileCache(600);
    cache.set('a', '1', 1, 0, 0, tile(200));
    cache.set('a', '1', 1, 0, 1, tile(200));
    cache.set('a', '1', 1, 1, 0, tile(200));
    expect(cache.get('a', '1', 1, 0, 0)).toBeDefined(); // now most recently used
    cache.set('a', '1', 1, 1, 1, tile(200));
    expect(cache.get('a', '1', 1, 0, 1)).toBeUndefined();
    expect(cache.get('a', '1', 1, 0, 0)).toBeDefined();
    expect(cache.size).toEqual({ tiles: 3, bytes: 600 });
  });

  it('drops only the changed layer’s old version', () => {
    const cache = new TileCache(10_000);
    cache.observeVersion('a', '1');
    cache.observeVersion('b', '7');
    cache.set('a', '1', 3, 1, 1, tile(200));
    cache.set('b', '7', 3, 1, 1, tile(200));
    cache.observeVersion('a', '2');
    expect(cache.get('a', '1', 3, 1, 1)).toBeUndefined();
    expect(cache.get('b', '7', 3, 1, 1)).toBeDefined();
  });

  it('does not keep a tile larger than the whole bound', () => {
    const cache = new TileCache(150);
    cache.set('a', '1', 0, 0, 0, tile(160));
    expect(cache.size.tiles).toBe(0);
  });

  it('keeps nothing, empty tiles included, when its bound is zero', () => {
    const cache = new TileCache(0);
    cache.set('a', '1', 0, 0, 0, Buffer.alloc(0));
    expect(cache.get('a', '1', 0, 0, 0)).toBeUndefined();
    expect(cache.size).toEqual({ tiles: 0, bytes: 0 });
  });
});
