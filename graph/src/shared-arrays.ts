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
