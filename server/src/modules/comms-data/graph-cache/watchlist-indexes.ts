import { type WatchedNumber, WatchlistIndex } from '#graph/index';
import type { DatasetGraph } from './dataset-graph';

/**
 * The standing watchlist index of each cached graph: built once per (graph, watchlist version) and
 * answered from without scanning the watchlist. A new import (new graph key) or a watchlist change
 * (new version) rebuilds it on the next match.
 */
export class WatchlistIndexes {
  private readonly indexes = new Map<string, { version: string; index: Promise<WatchlistIndex> }>();

  async get(
    g: DatasetGraph,
    version: string,
    entries: () => Promise<{ number: string; subjectRef: string }[]>,
  ): Promise<WatchlistIndex> {
    const held = this.indexes.get(g.key);
    if (held && held.version === version) return held.index;
    const index = (async () => {
      const list = await entries();
      const ids = await g.idsOf([...new Set(list.map((e) => e.number))]);
      const watched: WatchedNumber[] = [];
      for (const e of list) {
        const node = ids.get(e.number);
        if (node !== undefined) watched.push({ node, subject: e.subjectRef });
      }
      return WatchlistIndex.build(g.graph, watched);
    })();
    this.indexes.set(g.key, { version, index });
    index.catch(() => this.indexes.delete(g.key));
    if (this.indexes.size > 16) this.indexes.delete(this.indexes.keys().next().value as string);
    return index;
  }
}
