// Builds generalisations in the background, one at a time: at start for dense layers that have none (a
// city seeded or restored), and after an import or rollback of a dense layer. Nothing waits for them;
// maps read every feature until a generalisation is there. Several server processes share the work through
// the build's advisory lock.
import type { Pool } from 'pg';
import { generaliseLayers } from './generalise-layers';

export class GeneralisationJobs {
  private chain: Promise<void> = Promise.resolve();
  private readonly controller = new AbortController();

  constructor(
    private readonly pool: Pool,
    private readonly minFeatures: number,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  /** Queues the dense layers without a generalisation. Never throws, never waits. */
  catchUp(): void {
    this.queue(undefined);
  }

  /** A layer got a new current version: queue its generalisation when it is dense. */
  layerPublished(code: string): void {
    this.queue(code);
  }

  private queue(layerCode: string | undefined): void {
    if (this.controller.signal.aborted) return;
    this.chain = this.chain.then(() =>
      generaliseLayers(this.pool, {
        minFeatures: this.minFeatures,
        layerCode,
        log: this.log,
        signal: this.controller.signal,
      }).then(
        () => undefined,
        (error: unknown) => {
          if (!this.controller.signal.aborted)
            console.error(`generalisation failed: ${(error as Error).message}`);
        },
      ),
    );
  }

  /** Waits for the builds queued and under way, also those queued meanwhile. */
  async settle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  /** For a shutdown: cancels the build under way (it rolls back) and those queued. */
  async interrupt(): Promise<void> {
    this.controller.abort();
    await this.chain;
  }
}
