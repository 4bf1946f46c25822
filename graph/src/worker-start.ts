import { Worker } from 'node:worker_threads';

/**
 * Starts one of the graph's worker entries (kernel.worker, build.worker) next to this module.
 * From TypeScript sources (tsx, vitest) the worker is loaded through tsx's `tsImport`: on Node 20
 * `execArgv: ['--import', 'tsx']` does not apply tsx to a worker's entry (measured:
 * ERR_UNKNOWN_FILE_EXTENSION), so a one-line ESM bootstrap registers it instead. From compiled
 * JavaScript the .js worker is started directly.
 */
export function startGraphWorker(entry: 'kernel.worker' | 'build.worker', workerData: unknown): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, here), { workerData });
  const url = new URL(`./${entry}.ts`, here).href;
  const bootstrap = `import('tsx/esm/api').then((m) => m.tsImport(${JSON.stringify(url)}, ${JSON.stringify(here)}))`;
  return new Worker(bootstrap, { eval: true, workerData });
}
