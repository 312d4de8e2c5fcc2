// Registers routes with the access check of their rule in front: `route.get(path, handler)` finds the rule
// of `GET path` in the route table and refuses to register a route that has none.
import type { Express, RequestHandler } from 'express';
import type { Pool } from 'pg';
import type { AuditTrail } from './audit-trail';
import { authorize } from './authorize';
import { ruleFor } from './route-rules';

export type Guard = (method: string, path: string) => RequestHandler;

export function routeGuard(pool: Pool, trail: AuditTrail): Guard {
  return (method, path) => authorize(pool, trail, ruleFor(method, path));
}

export function guardedRoutes(app: Express, guard: Guard) {
  const add =
    (method: 'get' | 'post' | 'put' | 'patch' | 'delete') =>
    (path: string, ...handlers: RequestHandler[]) =>
      app[method](path, guard(method.toUpperCase(), path), ...handlers);
  return { get: add('get'), post: add('post'), put: add('put'), patch: add('patch'), delete: add('delete') };
}
