import type { Worker } from 'node:worker_threads';
import { runBuildOp } from './build-ops.js';
import type { BuildOpName, BuildSteps } from './build-steps.js';
import { startGraphWorker } from './worker-start.js';

/**
 * A helper thread for one graph build: runs one part at a time over SharedArrayBuffers (the
 * parts carry typed arrays, which share their memory instead of being copied). Close it when the
 * build ends, whether or not it succeeded.
 */
export class BuildHelper {
  private readonly worker: Worker;
  private pending: { resolve: () => void; reject: (err: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor() {
    this.worker = startGraphWorker('build.worker', null);
    // Idle, the thread does not keep the process alive (a builder may be dropped before building).
    this.worker.unref();
    this.worker.on('message', (msg: { ok: true } | { ok: false; error: string }) => {
      const p = this.pending;
      this.pending = null;
      this.worker.unref();
      if (msg.ok) p?.resolve();
      else p?.reject(new Error(`build helper: ${msg.error}`));
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`build helper exited with code ${code}`)));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const p = this.pending;
    this.pending = null;
    p?.reject(err);
  }

  /** Runs one part on the helper; resolves when it is done. */
  run(op: BuildOpName, part: unknown): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new Error('build helper is busy'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.ref();
      this.worker.postMessage({ op, part });
    });
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    this.failure ??= new Error('build helper closed');
    await this.worker.terminate();
  }
}

/**
 * Runs a build with one helper thread: of each step, part 0 runs here while part 1 runs on the
 * helper, and the build goes on once both are done.
 */
export async function runParallel<R>(steps: BuildSteps<R>, helper: BuildHelper): Promise<R> {
  for (let r = steps.next(); ; r = steps.next()) {
    if (r.done) return r.value;
    const { op, parts } = r.value;
    if (parts.length > 2) throw new RangeError(`${op}: ${parts.length} parts for two threads`);
    const remote = parts.length > 1 ? helper.run(op, parts[1]) : Promise.resolve();
    try {
      if (parts.length > 0) runBuildOp(op, parts[0]);
    } catch (err) {
      await remote.catch(() => {});
      throw err;
    }
    await remote;
  }
}
