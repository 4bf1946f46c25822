import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type ContactGraph, CsrBuilder, loadSnapshot, mergeGraphs, saveSnapshot } from '#graph/index';
import type { DatasetStore, DuckDbStore, Scope } from '../store/index.js';
import type { DatasetGraph } from './dataset-graph';

/** One dataset's part of a graph request: its id, the store scope, and whether that is its whole authorisation. */
export interface GraphPart {
  datasetId: string;
  scope: Scope;
  whole: boolean;
}

function scopeKey(scope: Scope): string {
  return [
    scope.from?.toISOString() ?? '',
    scope.to?.toISOString() ?? '',
    (scope.numbers ?? []).join(','),
  ].join('|');
}

/**
 * Contact graphs in memory, keyed by (dataset, data version, scope). The graph of a dataset's whole
 * authorisation is also saved as a snapshot `<id>.v<version>.csr` beside its DuckDB file and
 * reloaded on restart instead of rebuilt; an import bumps the data version, so the next call
 * rebuilds and older snapshots are removed. Narrower windows (event-exact: pairs re-aggregated from
 * the events in the window) and merged graphs of several datasets are kept in a small LRU.
 */
export class GraphCache {
  private readonly whole = new Map<string, Promise<DatasetGraph>>();
  private readonly scoped = new Map<string, Promise<DatasetGraph>>();

  constructor(
    private readonly store: DuckDbStore,
    private readonly dir: string,
    private readonly maxScoped = 4,
  ) {}

  snapshotPath(datasetId: string, version: number): string {
    return join(this.dir, `${datasetId}.v${version}.csr`);
  }

  async get(parts: readonly GraphPart[]): Promise<DatasetGraph> {
    if (parts.length === 1) return this.single(parts[0]!);
    const members = await Promise.all(parts.map((p) => this.single(p)));
    const key = `merge(${members.map((m) => m.key).join(';')})`;
    return this.remember(this.scoped, key, () => merged(key, members), this.maxScoped);
  }

  private async single(part: GraphPart): Promise<DatasetGraph> {
    const ds = this.store.dataset(part.datasetId);
    const version = await ds.dataVersion();
    const key = `${part.datasetId}|v${version}|${scopeKey(part.scope)}`;
    if (!part.whole)
      return this.remember(this.scoped, key, () => this.build(ds, key, part.scope), this.maxScoped);
    for (const k of this.whole.keys())
      if (k.startsWith(`${part.datasetId}|`) && k !== key) this.whole.delete(k);
    return this.remember(this.whole, key, () => this.loadOrBuild(ds, key, version, part.scope), Infinity);
  }

  private async remember(
    map: Map<string, Promise<DatasetGraph>>,
    key: string,
    make: () => Promise<DatasetGraph>,
    cap: number,
  ): Promise<DatasetGraph> {
    let pending = map.get(key);
    if (pending) {
      map.delete(key);
      map.set(key, pending); // most recently used last
      return pending;
    }
    pending = make();
    map.set(key, pending);
    pending.catch(() => map.delete(key));
    while (map.size > cap) map.delete(map.keys().next().value as string);
    return pending;
  }

  private async loadOrBuild(ds: DatasetStore, key: string, version: number, scope: Scope) {
    const path = this.snapshotPath(ds.datasetId, version);
    const loaded = await loadSnapshot(path).catch(() => null);
    if (loaded) return storeGraph(key, loaded, ds);
    const built = await this.build(ds, key, scope);
    await saveSnapshot(built.graph, path);
    await this.removeOldSnapshots(ds.datasetId, path);
    return built;
  }

  private async build(ds: DatasetStore, key: string, scope: Scope): Promise<DatasetGraph> {
    const builder = new CsrBuilder(await ds.numberCount());
    // The stored pairs table is exact when every event already lies in the scope.
    const stats = scope.numbers ? null : await ds.stats();
    const inside =
      stats !== null &&
      (stats.first === null ||
        ((!scope.from || stats.first >= scope.from) &&
          (!scope.to || (stats.last ?? stats.first) <= scope.to)));
    for await (const batch of ds.streamPairs(inside ? undefined : scope)) builder.adopt(batch);
    return storeGraph(key, await builder.build(), ds);
  }

  private async removeOldSnapshots(datasetId: string, keep: string): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.dir, name);
      if (name.startsWith(`${datasetId}.v`) && name.endsWith('.csr') && path !== keep)
        await rm(path, { force: true });
    }
  }

  /** Forgets a dataset's graphs (after an import, or when it is deleted). */
  forget(datasetId: string): void {
    for (const map of [this.whole, this.scoped])
      for (const k of [...map.keys()]) if (k.includes(datasetId)) map.delete(k);
  }
}

function storeGraph(key: string, graph: ContactGraph, ds: DatasetStore): DatasetGraph {
  return { key, graph, idsOf: (n) => ds.lookupIds(n), numbersOf: (ids) => ds.lookupNumbers(ids) };
}

/** Several datasets' graphs in one id space: a shared dictionary of the numbers they hold. */
async function merged(key: string, members: readonly DatasetGraph[]): Promise<DatasetGraph> {
  const shared = new Map<string, number>();
  const numbers: string[] = [];
  const mappings: Int32Array[] = [];
  for (const m of members) {
    const external = Array.from(m.graph.toExternal);
    const own = await m.numbersOf(external);
    const mapping = new Int32Array(m.graph.externalSpan).fill(-1);
    external.forEach((ext, i) => {
      const n = own[i]!;
      let id = shared.get(n);
      if (id === undefined) {
        id = numbers.length;
        shared.set(n, id);
        numbers.push(n);
      }
      mapping[ext] = id;
    });
    mappings.push(mapping);
  }
  const graph = mergeGraphs(
    members.map((m) => m.graph),
    mappings,
    numbers.length,
  );
  return {
    key,
    graph,
    idsOf: async (list) =>
      new Map(list.flatMap((n) => (shared.has(n) ? [[n, shared.get(n)!] as const] : []))),
    numbersOf: async (ids) =>
      Array.from(ids, (id) => {
        const n = numbers[id];
        if (n === undefined) throw new Error(`unknown id ${id}`);
        return n;
      }),
  };
}
