// The map services' catalog snapshot is read again exactly when the layers table changed, whoever changed
// it: a new layer, a new current version (an import through another pool, as `npm run import` does), a
// style edit and a soft delete are all seen by the next read; an unchanged catalog is not read again. One
// request reads it once and keeps what it read.
import type { NextFunction, Request, Response } from 'express';
import { Pool } from 'pg';
import { readCatalog, softDeleteLayer, updateLayerMetadata } from '../../layers';
import { importFile } from '../../importers';
import { testDatabaseUrl } from '../support/environment';
import { freshLayer, sourceParcels, workDir, writeJson } from '../support/import-fixtures';
import { testAppConfig } from '../support/app-config';
import { requestCatalog, requestCatalogScope } from '../../spatial-api/request-catalog';

const services = new Pool({ connectionString: testDatabaseUrl(), max: 3 });
const elsewhere = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
const dir = workDir('catalog-');

afterAll(async () => {
  await services.end();
  await elsewhere.end();
});

describe('catalog snapshot', () => {
  it('keeps one snapshot while nothing changes', async () => {
    // other test files change the catalog meanwhile: some pair of reads in a row sees no change
    let kept = false;
    for (let attempt = 0; attempt < 5 && !kept; attempt++) {
      kept = (await readCatalog(services)) === (await readCatalog(services));
    }
    expect(kept).toBe(true);
  });

  it('sees a layer created, imported, restyled and deleted through another pool', async () => {
    const code = await freshLayer(elsewhere, { prefix: 'catalog_test' });
    const created = await readCatalog(services);
    expect(created.layers.map((l) => l.code)).toContain(code);
    expect(created.current.has(code)).toBe(false);

    const file = writeJson(dir, `${code}.geojson`, sourceParcels(4));
    await importFile(elsewhere, { layer: code, file, rasterDir: testAppConfig().rasterDir });
    const imported = await readCatalog(services);
    expect(imported).not.toBe(created);
    const { rows } = await elsewhere.query<{ id: string }>(
      'SELECT current_version_id::text AS id FROM layers WHERE code = $1',
      [code],
    );
    expect(imported.current.get(code)?.versionId).toBe(rows[0]?.id);
    expect(imported.layers.find((l) => l.code === code)?.featureCount).toBe(4);

    const style = {
      name: '新样式',
      rules: [{ name: '全部', symbolizers: [{ kind: 'Fill', color: '#123456' }] }],
    };
    await updateLayerMetadata(elsewhere, code, { style });
    const restyled = await readCatalog(services);
    expect(restyled.layers.find((l) => l.code === code)?.style).toEqual(style);

    await softDeleteLayer(elsewhere, code);
    const deleted = await readCatalog(services);
    expect(deleted.layers.map((l) => l.code)).not.toContain(code);
    expect(deleted.current.has(code)).toBe(false);
  });

  it('does not see a change until it is committed', async () => {
    const code = await freshLayer(elsewhere, { prefix: 'catalog_test' });
    const client = await elsewhere.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE layers SET name = $2 WHERE code = $1', [code, '未提交的名称']);
      const during = await readCatalog(services);
      expect(during.layers.find((l) => l.code === code)?.name).not.toBe('未提交的名称');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const after = await readCatalog(services);
    expect(after.layers.find((l) => l.code === code)?.name).toBe('未提交的名称');
  });
});

describe('the catalog of one request', () => {
  /** Runs `body` as a request's handler would, inside the request's catalog scope. */
  const inRequest = <T>(body: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const next = () => body().then(resolve, reject);
      requestCatalogScope()({} as Request, {} as Response, next as NextFunction);
    });

  it('is read once, at its first need, and kept for the rest of the request', async () => {
    // the stamp queries go through: the spy only counts them
    const query = jest.spyOn(services, 'query');
    const stamps = () =>
      query.mock.calls.filter(([config]) => (config as { name?: string }).name === 'catalog-stamp').length;
    const [first, second] = await inRequest(async () => {
      const first = await requestCatalog(services);
      // a layer made meanwhile by someone else: this request goes on with the catalog it began with
      const code = await freshLayer(elsewhere, { prefix: 'catalog_request' });
      const second = await requestCatalog(services);
      return [first, { second, code }] as const;
    });
    expect(second.second).toBe(first);
    expect(first.layers.map((l) => l.code)).not.toContain(second.code);
    expect(stamps()).toBe(1);
    query.mockRestore();
    // the next request sees it
    const next = await inRequest(() => requestCatalog(services));
    expect(next.layers.map((l) => l.code)).toContain(second.code);
  });
});
