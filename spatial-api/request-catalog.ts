// The catalog as one request sees it: read once, at the request's first need (its access check, say), and
// that snapshot kept for the rest of it. The operation then agrees with the check made on its behalf, and
// a map or tile costs one catalog stamp round trip instead of one for each reader.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { readCatalog, type CatalogSnapshot } from '../layers';

const requestCatalogs = new AsyncLocalStorage<Map<Pool, Promise<CatalogSnapshot>>>();

/** Gives each request its own catalog memo. */
export function requestCatalogScope(): RequestHandler {
  return (_req, _res, next) => requestCatalogs.run(new Map(), next);
}

/** The catalog of `pool` as this request first read it (outside a request: read now). */
export function requestCatalog(pool: Pool): Promise<CatalogSnapshot> {
  const memo = requestCatalogs.getStore();
  if (!memo) return readCatalog(pool);
  let catalog = memo.get(pool);
  if (!catalog) {
    catalog = readCatalog(pool);
    memo.set(pool, catalog);
  }
  return catalog;
}
