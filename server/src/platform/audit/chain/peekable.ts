/** Pulls from a sync or async iterable one item at a time, with one item of look-ahead. */
export class Peekable<T> {
  private readonly next: () => Promise<IteratorResult<T>>;
  private buffered: IteratorResult<T> | undefined;

  constructor(source: Iterable<T> | AsyncIterable<T>) {
    if (Symbol.asyncIterator in source) {
      const it = source[Symbol.asyncIterator]();
      this.next = () => it.next();
    } else {
      const it = source[Symbol.iterator]();
      this.next = async () => it.next();
    }
  }

  async take(): Promise<T | undefined> {
    const result = this.buffered ?? (await this.next());
    this.buffered = undefined;
    return result.done ? undefined : result.value;
  }

  async peek(): Promise<T | undefined> {
    this.buffered ??= await this.next();
    return this.buffered.done ? undefined : this.buffered.value;
  }
}
