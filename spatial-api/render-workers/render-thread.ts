// The code of a render thread (worker_threads): keeps the maps it is handed, feeds their rows to their
// painters, and answers each with its encoded image. A map dropped by the server (its request stopped)
// is forgotten; one dropped while its image is being encoded is not answered.
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromRenderThread, RenderThreadData, ToRenderThread } from './messages';
import { ThreadJob } from './thread-job';

const port = parentPort;
if (!port) throw new Error('render-thread.ts runs as a worker thread');
// pid 0 is the calling thread on Linux: this thread alone is lowered, not the process (and never raised,
// which would need a privilege, when the server itself runs niced)
setPriority(0, Math.max(getPriority(0), (workerData as RenderThreadData).nice));
const jobs = new Map<number, ThreadJob>();

const reply = (message: FromRenderThread, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

function failed(job: number, error: unknown): void {
  jobs.delete(job);
  reply({ type: 'failed', job, message: error instanceof Error ? error.message : String(error) });
}

async function render(message: Extract<ToRenderThread, { type: 'render' }>): Promise<void> {
  const job = jobs.get(message.job);
  if (!job) return;
  try {
    const image = await job.render(message.layers, message.canvas);
    if (job.dropped) return;
    jobs.delete(message.job);
    // a copy of its own to hand over: the encoder's buffer may be a slice of Node's pool, or the canvas's
    const bytes = new Uint8Array(image);
    reply({ type: 'done', job: message.job, image: bytes }, [bytes.buffer]);
  } catch (error) {
    if (!job.dropped) failed(message.job, error);
  }
}

port.on('message', (message: ToRenderThread) => {
  try {
    switch (message.type) {
      case 'open': {
        const job = jobs.get(message.job) ?? new ThreadJob();
        jobs.set(message.job, job);
        job.open(message.layer, message.plan);
        break;
      }
      case 'rows':
        jobs.get(message.job)?.addRows(message);
        break;
      case 'render':
        if (!jobs.has(message.job)) jobs.set(message.job, new ThreadJob());
        void render(message);
        break;
      case 'drop': {
        const job = jobs.get(message.job);
        if (job) job.dropped = true;
        jobs.delete(message.job);
        break;
      }
    }
  } catch (error) {
    failed(message.job, error);
  }
});
