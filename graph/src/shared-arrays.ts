import type { EdgeBatch } from './types.js';

/** Typed arrays backed by SharedArrayBuffer so graphs pass to worker threads without copying. */
export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4));
}

/** A Uint32Array on a SharedArrayBuffer. */
export function sharedUint32(length: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(length * 4));
}

/** A Uint8Array on a SharedArrayBuffer. */
export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

/** A batch's arrays in column order: src, dst, weight, first, last, typeMask. */
export function batchColumns(b: EdgeBatch): (Int32Array | Uint32Array | Uint8Array)[] {
  return [b.src, b.dst, b.weight, b.first, b.last, b.typeMask];
}

/** Whether every array of a batch is on a SharedArrayBuffer (a helper thread can read it). */
export function isSharedBatch(b: EdgeBatch): boolean {
  return batchColumns(b).every((a) => a.buffer instanceof SharedArrayBuffer);
}

/** A copy of the first `length` entries of a typed array, on a SharedArrayBuffer. */
export function sharedCopy<T extends Int32Array | Uint32Array | Uint8Array>(a: T, length: number): T {
  const C = a.constructor as new (buffer: SharedArrayBuffer) => T;
  const out = new C(new SharedArrayBuffer(length * a.BYTES_PER_ELEMENT));
  out.set(a.subarray(0, length) as never);
  return out;
}
