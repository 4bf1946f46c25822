import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeltaGraph } from './delta-graph.js';
import type { GraphView } from './graph-view.js';
import { projectCompact, projectGraph } from './simple-graph.js';
import { buildSmall, scopeArb, smallGraphArb } from './testing/edge-list.js';

function rows(view: GraphView, g: ReturnType<typeof projectCompact>): string[] {
  const out: string[] = [];
  for (let i = 0; i < g.n; i++) {
    const row: string[] = [];
    for (let e = g.offsets[i]!; e < g.offsets[i + 1]!; e++)
      row.push(`${view.externalOf(g.toView[g.targets[e]!]!)}:${g.weights[e]}`);
    out[view.externalOf(g.toView[i]!)] = row.sort().join(' ');
  }
  return out;
}

/** A small graph (nodes above degree 3 flagged), a scope with or without them, weighted or not. */
function projectionCase() {
  return fc
    .tuple(smallGraphArb(), scopeArb(), fc.boolean(), fc.boolean())
    .map(([g, scope, excludeHighDegree, weighted]) => ({
      graph: buildSmall(g, { highDegree: { maxDegree: 3 } }),
      scope: { ...scope, excludeHighDegree },
      weighted,
    }));
}

describe('projectGraph', () => {
  it('the merge-based fast path equals the generic neighbour-buffer path', () => {
    fc.assert(
      fc.property(projectionCase(), ({ graph, scope, weighted }) => {
        const generic = new DeltaGraph(graph);
        expect(rows(graph, projectGraph(graph, scope, { weighted }))).toEqual(
          rows(generic, projectGraph(generic, scope, { weighted })),
        );
      }),
    );
  });
});

describe('projectCompact', () => {
  it('equals projectGraph, with Float32 weights (integer event counts), on both paths', () => {
    fc.assert(
      fc.property(projectionCase(), ({ graph, scope, weighted }) => {
        for (const view of [graph, new DeltaGraph(graph)]) {
          const compact = projectCompact(view, scope, { weighted });
          expect(compact.weights).toBeInstanceOf(Float32Array);
          expect(rows(view, compact)).toEqual(rows(view, projectGraph(view, scope, { weighted })));
        }
      }),
    );
  });
});
