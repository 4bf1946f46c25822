import type { GraphSource } from './graph-source.js';
import type { KernelArgs, KernelName, KernelResults } from './kernel-registry.js';
import { startGraphWorker } from './worker-start.js';

/** Options of {@link runInWorker}. */
export interface WorkerRunOptions {
  /** Aborting terminates the worker and rejects. */
  signal?: AbortSignal;
}

/**
 * Runs a whole-graph kernel (communities, betweenness, components) in a worker thread so the
 * caller's event loop stays free. The graph travels as SharedArrayBuffers (no copy) or as a
 * snapshot path the worker loads itself.
 */
export function runInWorker<K extends KernelName>(
  kernel: K,
  source: GraphSource | string,
  args: KernelArgs[K],
  options: WorkerRunOptions = {},
): Promise<KernelResults[K]> {
  const src: GraphSource = typeof source === 'string' ? { snapshotPath: source } : source;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new Error('aborted'));
    const worker = startGraphWorker('kernel.worker', { kernel, source: src, args });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      finish(() => reject(new Error('aborted')));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', onAbort);
    worker.once('message', (msg: { ok: true; result: KernelResults[K] } | { ok: false; error: string }) => {
      finish(() => (msg.ok ? resolve(msg.result) : reject(new Error(msg.error))));
      void worker.terminate();
    });
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) => finish(() => reject(new Error(`kernel worker exited with code ${code}`))));
  });
}
