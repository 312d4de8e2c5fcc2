// OGC key-value-pair requests: parameter names are case-insensitive (OGC 06-121r3, 11.5.2), values are not.
import { OgcException } from './ogc-exception';

export class Kvp {
  private readonly params = new Map<string, string>();

  constructor(query: Record<string, unknown>) {
    for (const [key, value] of Object.entries(query)) {
      const text = Array.isArray(value) ? String(value[value.length - 1]) : String(value ?? '');
      this.params.set(key.toUpperCase(), text);
    }
  }

  get(name: string): string | undefined {
    const value = this.params.get(name.toUpperCase());
    return value === undefined || value === '' ? undefined : value;
  }

  require(name: string): string {
    const value = this.get(name);
    if (value === undefined) {
      throw new OgcException(
        'MissingParameterValue',
        name,
        `缺少参数${name} / the parameter ${name} is missing`,
      );
    }
    return value;
  }

  /** A whole number within [min, max], or the fallback when absent. */
  integer(name: string, fallback: number | undefined, min: number, max: number): number | undefined {
    const raw = this.get(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      throw new OgcException(
        'InvalidParameterValue',
        name,
        `参数${name}应为${min}到${max}的整数，而不是“${raw}” / ${name} must be a whole number from ${min} to ${max}`,
      );
    }
    return value;
  }

  /** A comma-separated list. */
  list(name: string): string[] {
    const raw = this.get(name);
    return raw === undefined ? [] : raw.split(',').map((s) => s.trim());
  }
}
