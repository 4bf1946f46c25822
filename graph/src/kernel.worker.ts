import { parentPort, workerData } from 'node:worker_threads';
import { type GraphSource, openGraphSource } from './graph-source.js';
import { type KernelArgs, type KernelName, runKernel } from './kernel-registry.js';
import { transferables } from './transferables.js';

interface Job {
  kernel: KernelName;
  source: GraphSource;
  args: KernelArgs[KernelName];
}

const job = workerData as Job;
try {
  const view = await openGraphSource(job.source);
  const result = runKernel(job.kernel, view, job.args);
  parentPort?.postMessage({ ok: true, result }, transferables(result));
} catch (err) {
  parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
