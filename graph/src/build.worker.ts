import { parentPort } from 'node:worker_threads';
import { runBuildOp } from './build-ops.js';

/** A build helper thread: runs the parts it is sent, one at a time, and answers each. */
parentPort?.on('message', (msg: { op: string; part: unknown }) => {
  try {
    runBuildOp(msg.op, msg.part);
    parentPort?.postMessage({ ok: true });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
