// Every route the app registers has its rule in the route table, and every rule names a registered route:
// a new door cannot be added without saying who may use it, and a stale rule cannot linger.
import { ROUTE_RULES } from '../../../spatial-api';
import { useTestServer } from '../../support/test-server';

interface StackLayer {
  route?: { path: string | RegExp | (string | RegExp)[]; methods: Record<string, boolean> };
  handle?: { stack?: StackLayer[] };
}

/** `METHOD path` of every route in a router, descending into mounted routers. */
function registeredRoutes(stack: StackLayer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const paths = (Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path]).map(String);
      const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
      if (layer.route.methods._all) return paths.map((p) => `ALL ${p}`);
      return paths.flatMap((p) => methods.map((m) => `${m.toUpperCase()} ${p}`));
    }
    return layer.handle?.stack ? registeredRoutes(layer.handle.stack) : [];
  });
}

const server = useTestServer();

function routesOfApp(): string[] {
  const router = (server.app as unknown as { router: { stack: StackLayer[] } }).router;
  return registeredRoutes(router.stack);
}

it('finds the routes of the app and of the routers mounted in it (the OGC router among them)', () => {
  const routes = routesOfApp();
  expect(routes).toEqual(
    expect.arrayContaining(['POST /api/v1/session', 'GET /api/v1/layers/:code', 'GET /wms', 'POST /wfs']),
  );
  expect(new Set(routes).size).toBe(routes.length);
});

it('has a rule in ROUTE_RULES for every registered route', () => {
  const withoutRule = routesOfApp().filter((route) => !(route in ROUTE_RULES));
  expect(withoutRule).toEqual([]);
});

it('has no rule in ROUTE_RULES that names no registered route', () => {
  const routes = new Set(routesOfApp());
  const stale = Object.keys(ROUTE_RULES).filter((rule) => !routes.has(rule));
  expect(stale).toEqual([]);
});

it('lets anyone call only reads, signing in and the OGC services', () => {
  const open = Object.entries(ROUTE_RULES)
    .filter(([, rule]) => rule.allow === 'anyone')
    .map(([route]) => route)
    .filter((route) => !route.startsWith('GET '));
  expect(open.sort()).toEqual(['POST /api/v1/session', 'POST /ows', 'POST /wfs']);
});

it('serves the client’s pages through their rule, open to anyone', async () => {
  const page = await fetch(`${server.url}/layers/anything`);
  expect([200, 503]).toContain(page.status); // 503 only when the client is not built
  expect(page.headers.get('content-type')).toMatch(/^text\/(html|plain)/);
});
