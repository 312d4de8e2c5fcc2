// The line in front of the OGC operations and the render threads' maps: first come first served; one that
// gives up while waiting leaves the line without taking a place; work with no one to turn away waits
// however long the line.
import { LineFull, WaitLine } from '../../spatial-api/wait-line';

const flush = () => new Promise((resolve) => setImmediate(resolve));

it('hands each place given back to the first in line', async () => {
  const line = new WaitLine({ places: 1 });
  const order: string[] = [];
  const first = await line.enter();
  const second = line.enter().then((leave) => (order.push('second'), leave));
  const third = line.enter().then((leave) => (order.push('third'), leave));
  await flush();
  expect(line.queued).toBe(2);
  expect(order).toEqual([]);
  first();
  first(); // a second call gives nothing back
  (await second)();
  (await third)();
  expect(order).toEqual(['second', 'third']);
  expect(line.queued).toBe(0);
  // every place free again: the next enters at once
  const again = await line.enter();
  again();
});

it('lets one that gives up leave the line without taking a place', async () => {
  const line = new WaitLine({ places: 1 });
  const holder = await line.enter();
  const stop = new AbortController();
  const givenUp = line.enter({ signal: stop.signal });
  const after = line.enter();
  await flush();
  stop.abort(new Error('the client went away'));
  await expect(givenUp).rejects.toThrow('the client went away');
  expect(line.queued).toBe(1);
  holder();
  (await after)();
  // a signal aborted before entering is refused at once
  await expect(line.enter({ signal: stop.signal })).rejects.toThrow('the client went away');
  expect(line.queued).toBe(0);
});

it('refuses past its budget, except work that waits however long the line', async () => {
  let clock = 0;
  const line = new WaitLine({ places: 1, waitBudgetMs: 100, now: () => clock });
  const timed = await line.enter();
  clock += 1000; // a place held for a second: only the 16 always let in may wait
  timed();
  const holder = await line.enter();
  const waiting = Array.from({ length: 16 }, () => line.enter());
  await flush();
  await expect(line.enter()).rejects.toBeInstanceOf(LineFull);
  const report = line.enter({ unbounded: true });
  await flush();
  expect(line.queued).toBe(17);
  holder();
  for (const w of waiting) (await w)();
  (await report)();
  expect(line.queued).toBe(0);
});
