// The OGC request gate: a few operations at once, the rest waiting first come first served (a WaitLine);
// beyond a few per place a request waits only while its turn is expected within the wait budget, else 503.
import type { Response } from 'express';
import { leaveGate, RequestGate } from '../../spatial-api/ogc/request-gate';
import { OgcException } from '../../spatial-api/ogc/ogc-exception';

function response(): Response & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    locals: {},
    set(name: string, value: string) {
      headers[name] = value;
      return this;
    },
  } as unknown as Response & { headers: Record<string, string> };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** A clock the test moves, and operations it ends. */
function harness(concurrent: number, waitBudgetMs = 3000) {
  let clock = 0;
  const gate = new RequestGate({ places: concurrent, waitBudgetMs, now: () => clock });
  const order: number[] = [];
  const finish = new Map<number, () => void>();
  const start = (id: number, res = response()) =>
    gate.run(
      res,
      () =>
        new Promise<number>((resolve) => {
          order.push(id);
          finish.set(id, () => resolve(id));
        }),
    );
  return {
    gate,
    order,
    start,
    tick: (ms: number) => (clock += ms),
    end: async (id: number) => {
      await flush();
      finish.get(id)!();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

it('runs as many operations as it has places and the rest in the order they came', async () => {
  const h = harness(2);
  const answers = [1, 2, 3, 4].map((id) => h.start(id));
  await flush();
  expect(h.order).toEqual([1, 2]);
  await h.end(2);
  expect(h.order).toEqual([1, 2, 3]);
  await h.end(1);
  await h.end(3);
  await h.end(4);
  await expect(Promise.all(answers)).resolves.toEqual([1, 2, 3, 4]);
});

it('refuses past 16 waiting per place before any operation has been timed, with Retry-After', async () => {
  const h = harness(1);
  // one running, 16 waiting
  const started = Array.from({ length: 17 }, (_, i) => h.start(i));
  await flush();
  const res = response();
  const refused = h.start(99, res);
  await expect(refused).rejects.toBeInstanceOf(OgcException);
  await expect(refused).rejects.toMatchObject({ status: 503 });
  expect(Number(res.headers['Retry-After'])).toBeGreaterThan(0);
  for (let i = 0; i < 17; i++) await h.end(i);
  await expect(Promise.all(started)).resolves.toHaveLength(17);
});

it('lets more wait while operations are quick enough for their turn to come within the budget', async () => {
  const h = harness(1, 3000);
  // one operation timed at 50 ms: 3000 / 50 = 60 may wait
  const first = h.start(0);
  h.tick(50);
  await h.end(0);
  await first;
  const running = h.start(1);
  const waiting = Array.from({ length: 60 }, (_, i) => h.start(100 + i));
  await flush();
  await expect(h.start(200)).rejects.toMatchObject({ status: 503 });
  h.tick(50);
  await h.end(1);
  await running;
  // a place freed and the estimate unchanged: one more may wait again
  const next = h.start(201);
  await flush();
  for (let i = 0; i < 60; i++) {
    h.tick(50);
    await h.end(100 + i);
  }
  h.tick(50);
  await h.end(201);
  await expect(Promise.all([...waiting, next])).resolves.toHaveLength(61);
});

it('lets only the few per place wait while operations are slow', async () => {
  const h = harness(1, 3000);
  const first = h.start(0);
  h.tick(2000);
  await h.end(0);
  await first;
  const running = h.start(1);
  const waiting = Array.from({ length: 16 }, (_, i) => h.start(100 + i));
  await flush();
  await expect(h.start(200)).rejects.toMatchObject({ status: 503 });
  await h.end(1);
  for (let i = 0; i < 16; i++) await h.end(100 + i);
  await expect(Promise.all([running, ...waiting])).resolves.toHaveLength(17);
});

it('hands the place on when an operation leaves early, and times the hold up to then', async () => {
  const h = harness(1, 1000);
  const res = response();
  const drawing = h.gate.run(res, async () => {
    h.tick(10);
    leaveGate(res);
    h.tick(5000); // drawing after leaving does not count as holding the place
    return 'drawn';
  });
  await expect(drawing).resolves.toBe('drawn');
  // held 10 ms: 1000 / 10 = 100 may wait behind a running one
  const running = h.start(1);
  const waiting = Array.from({ length: 100 }, (_, i) => h.start(100 + i));
  await flush();
  await expect(h.start(200)).rejects.toMatchObject({ status: 503 });
  await h.end(1);
  for (let i = 0; i < 100; i++) await h.end(100 + i);
  await expect(Promise.all([running, ...waiting])).resolves.toHaveLength(101);
});
