// Evaluates a check's rules together. Each rule is one query on the check's REPEATABLE READ transaction; when
// the pool has idle connections, up to one fewer than the cores more take rules from the same queue, each in a
// read-only transaction on the check's exported snapshot, so every rule reads exactly what the check's own
// connection would and a check takes about as long as its longest rules rather than their sum. Checks
// evaluating at once in the process share those extra lanes (together no more lanes than cores); under load
// the rules run one after another on the check's connection: a check never waits for a second connection.
import { availableParallelism } from 'node:os';
import type { Pool, PoolClient } from 'pg';
import type { Queryable } from '../../layers';
import { evaluateRule, type EvaluationContext, type RuleOutcome } from '../kinds';
import type { Rule } from '../rule-sets/rule-set-schema';

/** the connections a check may borrow besides its own: PostgreSQL runs each on a core */
const MAX_HELPERS = Math.max(0, availableParallelism() - 1);
/** checks of this process evaluating their rules now */
let evaluating = 0;

/** what pg_export_snapshot() returns (e.g. 00000003-0000001B-1): checked before it goes into SQL text */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

interface Queue {
  next: number;
  failed: boolean;
  readonly outcomes: Promise<RuleOutcome>[];
}

/** Takes rules off the queue until none is left or one failed. */
async function work(db: Queryable, rules: Rule[], context: EvaluationContext, queue: Queue): Promise<void> {
  while (!queue.failed && queue.next < rules.length) {
    const i = queue.next++;
    const outcome = evaluateRule(db, rules[i]!, context);
    queue.outcomes[i] = outcome;
    await outcome.catch(() => {
      queue.failed = true;
    });
  }
}

/**
 * A borrowed connection joining the check's snapshot: it first takes a rule (so the check's transaction,
 * which exported the snapshot, stays open until that rule is done), then imports the snapshot.
 */
async function helper(
  client: PoolClient,
  snapshot: string,
  rules: Rule[],
  context: EvaluationContext,
  queue: Queue,
): Promise<void> {
  if (queue.failed || queue.next >= rules.length) {
    client.release();
    return;
  }
  let broken: Error | undefined;
  try {
    const first = queue.next++;
    const outcome = client
      .query(`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '${snapshot}'`)
      .then(() => evaluateRule(client, rules[first]!, context));
    queue.outcomes[first] = outcome;
    try {
      await outcome;
    } catch {
      queue.failed = true;
      return;
    }
    await work(client, rules, context, queue);
  } finally {
    await client.query('ROLLBACK').catch((error: Error) => {
      broken = error;
    });
    client.release(broken);
  }
}

export async function evaluateRules(
  pool: Pool,
  client: PoolClient,
  snapshot: string | null,
  rules: Rule[],
  context: EvaluationContext,
): Promise<RuleOutcome[]> {
  const queue: Queue = { next: 0, failed: false, outcomes: [] };
  const helpers =
    snapshot !== null && SNAPSHOT_ID.test(snapshot)
      ? Math.max(0, Math.min(MAX_HELPERS - evaluating, pool.idleCount, rules.length - 1))
      : 0;
  evaluating++;
  try {
    const lanes = [work(client, rules, context, queue)];
    for (let i = 0; i < helpers; i++)
      lanes.push(
        pool.connect().then(
          (borrowed) => helper(borrowed, snapshot!, rules, context, queue),
          () => undefined, // the check's own connection takes the rules
        ),
      );
    await Promise.all(lanes);
  } finally {
    evaluating--;
  }
  // every rule taken was awaited by its lane; the first failure in rule order is the check's
  const settled = await Promise.allSettled(queue.outcomes);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<RuleOutcome>).value);
}
