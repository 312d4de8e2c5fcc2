// X-Forwarded-Host and X-Forwarded-Proto only count from the proxies TRUST_PROXY names: from anyone else
// they never land in the capabilities documents and TileJSON that caches keep and serve to everybody.
import { Pool } from 'pg';
import { createApp, type AppConfig } from '../../../spatial-api';
import { testAppConfig } from '../../support/app-config';
import { testDatabaseUrl } from '../../support/environment';
import { listenOnFreePort } from '../../support/http';

const FORWARDED = { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };

describe('forwarded headers', () => {
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  const servers: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await pool.end();
  });

  async function serve(overrides: Partial<AppConfig>): Promise<string> {
    const server = await listenOnFreePort(createApp({ pool, config: testAppConfig(overrides) }));
    servers.push(server);
    return server.url;
  }

  async function advertised(base: string): Promise<{ tileJson: string; wms: string; wfs: string }> {
    const tileJson = (await (
      await fetch(`${base}/tiles/land_use_plan.json`, { headers: FORWARDED })
    ).json()) as { tiles: string[] };
    const wms = await (
      await fetch(`${base}/wms?SERVICE=WMS&REQUEST=GetCapabilities`, { headers: FORWARDED })
    ).text();
    const wfs = await (
      await fetch(`${base}/ows?SERVICE=WFS&REQUEST=GetCapabilities`, { headers: FORWARDED })
    ).text();
    return { tileJson: tileJson.tiles[0]!, wms, wfs };
  }

  it('ignores X-Forwarded-Host and -Proto from a client that is not a trusted proxy (the default)', async () => {
    const base = await serve({});
    const { tileJson, wms, wfs } = await advertised(base);
    expect(tileJson.startsWith(`${base}/tiles/land_use_plan/`)).toBe(true);
    for (const capabilities of [wms, wfs]) {
      expect(capabilities).toContain(`${base}/`);
      expect(capabilities).not.toContain('evil.example');
    }
  });

  it('advertises the forwarded host and scheme when the request comes from a proxy TRUST_PROXY names', async () => {
    const base = await serve({ trustProxy: ['loopback'] });
    const { tileJson, wms, wfs } = await advertised(base);
    expect(tileJson.startsWith('https://evil.example/tiles/land_use_plan/')).toBe(true);
    for (const capabilities of [wms, wfs]) {
      expect(capabilities).toContain('https://evil.example/');
      expect(capabilities).not.toContain(base);
    }
  });
});
