// A city system's service level as the admin sees it: its key's latency quantiles and errors, in JSON
// and in the Prometheus text.
import { issueTestKey, signIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();

describe('service levels per city system', () => {
  it('reports the requests, errors and p50/p95 of a key and of the layers it read', async () => {
    const name = `city-system-${Date.now()}`;
    const key = await issueTestKey(server.pool, { name });
    const getMap = (bbox: string) =>
      fetch(
        `${server.url}/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=ob:districts&STYLES=&CRS=EPSG:4490&BBOX=${bbox}&WIDTH=64&HEIGHT=64&FORMAT=image/png&apikey=${key}`,
      );
    for (let i = 0; i < 3; i++) expect((await getMap('43.7,87.5,43.9,87.7')).status).toBe(200);
    expect((await getMap('not,a,box,0')).status).toBe(400);

    const admin = await signIn(server.url, 'admin');
    const res = await fetch(`${server.url}/api/v1/service-levels`, { headers: admin.headers() });
    expect(res.status).toBe(200);
    const levels = (await res.json()) as {
      limitSeconds: number;
      clients: {
        name: string;
        requests: number;
        errors: number;
        p50Seconds: number;
        p95Seconds: number;
        slow: boolean;
      }[];
      layers: { name: string; requests: number }[];
    };
    expect(levels.limitSeconds).toBe(5);
    const client = levels.clients.find((c) => c.name === name);
    expect(client).toMatchObject({ requests: 4, errors: 1, slow: false });
    expect(client!.p50Seconds).toBeGreaterThan(0);
    expect(client!.p95Seconds).toBeGreaterThanOrEqual(client!.p50Seconds);
    expect(levels.layers.find((l) => l.name === 'districts')?.requests).toBeGreaterThanOrEqual(4);

    const text = await (await fetch(`${server.url}/api/v1/metrics`, { headers: admin.headers() })).text();
    expect(text).toContain(`one_blueprint_key_request_duration_seconds{quantile="0.95",name="${name}"}`);
    expect(text).toContain(`one_blueprint_key_request_errors_total{name="${name}"} 1`);
  });

  it('is for admins only', async () => {
    const viewer = await signIn(server.url, 'viewer');
    expect((await fetch(`${server.url}/api/v1/service-levels`, { headers: viewer.headers() })).status).toBe(
      403,
    );
    expect((await fetch(`${server.url}/api/v1/service-levels`)).status).toBe(401);
  });
});
