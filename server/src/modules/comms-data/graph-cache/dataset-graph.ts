import type { ContactGraph } from '#graph/index';

/**
 * A contact graph with the way back to numbers: the graph works on ids (the store's dense ids for
 * one dataset, a shared dictionary for several merged), analyses take and return numbers.
 */
export interface DatasetGraph {
  readonly key: string;
  readonly graph: ContactGraph;
  idsOf(numbers: readonly string[]): Promise<Map<string, number>>;
  numbersOf(ids: ArrayLike<number>): Promise<string[]>;
}

/** The numbers of a set of ids as a lookup map (one store round trip). */
export async function numberMap(g: DatasetGraph, ids: Iterable<number>): Promise<Map<number, string>> {
  const list = [...new Set(ids)].filter((id) => id >= 0);
  const numbers = await g.numbersOf(list);
  return new Map(list.map((id, i) => [id, numbers[i]!]));
}
