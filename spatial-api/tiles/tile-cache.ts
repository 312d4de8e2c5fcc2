// An in-process cache of encoded tiles, bounded in bytes (least recently used goes first), keyed by
// layer, version, tile and content encoding. A layer's new version evicts exactly that layer's tiles.
export type Encoding = 'identity' | 'gzip';

/** What an entry costs besides its bytes (key, map slot), so that empty tiles count too. */
export const ENTRY_OVERHEAD_BYTES = 128;
const cost = (value: Buffer): number => value.length + ENTRY_OVERHEAD_BYTES;

export class TileCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly versionOf = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  private key(layer: string, version: string, z: number, x: number, y: number, encoding: Encoding): string {
    return `${layer}/${version}/${z}/${x}/${y}/${encoding}`;
  }

  /** Notes the layer's current version; tiles of any other version of it are dropped. */
  observeVersion(layer: string, version: string): void {
    if (this.versionOf.get(layer) === version) return;
    this.versionOf.set(layer, version);
    for (const [key, value] of this.entries) {
      if (key.startsWith(`${layer}/`) && !key.startsWith(`${layer}/${version}/`)) {
        this.entries.delete(key);
        this.bytes -= cost(value);
      }
    }
  }

  get(
    layer: string,
    version: string,
    z: number,
    x: number,
    y: number,
    encoding: Encoding = 'identity',
  ): Buffer | undefined {
    const key = this.key(layer, version, z, x, y, encoding);
    const value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
      this.entries.set(key, value); // most recently used last
    }
    return value;
  }

  set(
    layer: string,
    version: string,
    z: number,
    x: number,
    y: number,
    value: Buffer,
    encoding: Encoding = 'identity',
  ): void {
    if (cost(value) > this.maxBytes) return;
    const key = this.key(layer, version, z, x, y, encoding);
    const old = this.entries.get(key);
    if (old) this.bytes -= cost(old);
    this.entries.set(key, value);
    this.bytes += cost(value);
    for (const [oldest, buffer] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= cost(buffer);
    }
  }

  get size(): { tiles: number; bytes: number } {
    return { tiles: this.entries.size, bytes: this.bytes };
  }
}
