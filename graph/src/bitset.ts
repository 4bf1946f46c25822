/** A fixed-size bit set over node ids, stored in a Uint32Array (one bit per node). */
export class Bitset {
  readonly words: Uint32Array;

  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5);
  }

  /** True when bit `i` is set. */
  has(i: number): boolean {
    return ((this.words[i >>> 5]! >>> (i & 31)) & 1) === 1;
  }

  /** Sets bit `i`. */
  add(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  /** Clears bit `i`. */
  delete(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  /** Sets bit `i` and returns true if it was not set before. */
  testAndAdd(i: number): boolean {
    const w = i >>> 5;
    const bit = 1 << (i & 31);
    const old = this.words[w]!;
    if ((old & bit) !== 0) return false;
    this.words[w] = old | bit;
    return true;
  }

  /**
   * Clears a set whose only set bits are ids[0..count) (zeroing their words when few, the whole
   * set when many).
   */
  clearAll(ids: Int32Array, count: number): void {
    if (count * 8 > this.size) this.words.fill(0);
    else for (let i = 0; i < count; i++) this.words[ids[i]! >>> 5] = 0;
  }

  /** Clears every bit. */
  clear(): void {
    this.words.fill(0);
  }
}
