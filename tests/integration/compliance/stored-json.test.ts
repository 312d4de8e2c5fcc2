// A check answers with the JSON it stores, its keys in the order PostgreSQL's jsonb gives them back: the
// order storedJson predicts is held to what jsonb makes of the same text (ASCII and Chinese keys, keys of
// one length, nested objects and arrays).
import { storedJson } from '../../../compliance-rules/runs/stored-json';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();

it('orders keys as jsonb does', async () => {
  const value = {
    verdict: '通过',
    id: 1,
    ab: { 用地性质: '0701', code: 'A', 面积: 1.5, aa: [{ zz: 1, a: 2, 名称: 'x' }, 3] },
    ba: null,
    'a b': true,
    B: 'upper',
    '': 'empty',
    规则: { 标题: 't', z: 0 },
  };
  const text = JSON.stringify(value);
  const { rows } = await server.pool.query<{ stored: unknown }>('SELECT $1::jsonb AS stored', [text]);
  expect(JSON.stringify(storedJson(text))).toBe(JSON.stringify(rows[0]!.stored));
});
