// Service levels per city system and layer: quantiles over the window, errors, and the 5 s flag.
import { AggregatorRegistry, Registry } from 'prom-client';
import { ServiceLevelMetrics, serviceLevelsOf } from '../../../spatial-api/hardening/service-levels';

describe('service levels', () => {
  it('gives p50 and p95 per API key, counts errors, and flags a p95 over 5 s', async () => {
    const registry = new Registry();
    const levels = new ServiceLevelMetrics(registry);
    for (let i = 1; i <= 20; i++) levels.observe('key', 'city-fast', i / 100, 200);
    levels.observe('key', 'city-fast', 0.05, 400);
    for (let i = 0; i < 90; i++) levels.observe('key', 'city-slow', 0.5 + i / 90, 200);
    for (let i = 0; i < 9; i++) levels.observe('key', 'city-slow', 30, 200);
    levels.observe('key', 'city-slow', 30, 503);
    const { clients, layers, limitSeconds } = await serviceLevelsOf(registry);
    expect(limitSeconds).toBe(5);
    expect(layers).toEqual([]);
    const [slow, fast] = clients;
    expect(slow).toMatchObject({ name: 'city-slow', requests: 100, errors: 1, slow: true });
    expect(slow!.p50Seconds).toBeGreaterThan(0.5);
    expect(slow!.p50Seconds).toBeLessThan(1.5);
    expect(slow!.p95Seconds).toBeGreaterThan(5);
    expect(fast).toMatchObject({ name: 'city-fast', requests: 21, errors: 1, slow: false });
    expect(fast!.p50Seconds).toBeCloseTo(0.1, 1);
    expect(fast!.p95Seconds).toBeGreaterThan(0.15);
    expect(fast!.p95Seconds).toBeLessThan(0.21);
  });

  it('keeps layers apart from keys', async () => {
    const registry = new Registry();
    const levels = new ServiceLevelMetrics(registry);
    levels.observe('layer', 'land_use_plan', 0.2, 200);
    const { clients, layers } = await serviceLevelsOf(registry);
    expect(clients).toEqual([]);
    expect(layers).toEqual([
      { name: 'land_use_plan', requests: 1, errors: 0, p50Seconds: 0.2, p95Seconds: 0.2, slow: false },
    ]);
  });

  it('adds up the requests of several server processes and keeps the slowest p95', async () => {
    const registries = [new Registry(), new Registry()];
    const [one, two] = registries.map((r) => new ServiceLevelMetrics(r));
    for (let i = 0; i < 10; i++) one!.observe('key', 'city', 0.1, 200);
    for (let i = 0; i < 5; i++) two!.observe('key', 'city', 8, i === 0 ? 500 : 200);
    const all = AggregatorRegistry.aggregate(await Promise.all(registries.map((r) => r.getMetricsAsJSON())));
    const [city] = (await serviceLevelsOf(all)).clients;
    expect(city).toMatchObject({ name: 'city', requests: 15, errors: 1, p95Seconds: 8, slow: true });
  });
});
