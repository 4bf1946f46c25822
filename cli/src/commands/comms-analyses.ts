import type { Command } from 'commander';
import {
  centralityBody,
  centralityResult,
  chainBody,
  chainResult,
  coLocationBody,
  coLocationResult,
  commonBody,
  commonContactsResult,
  communitiesBody,
  communitiesResult,
  connectingNetworkResult,
  networkBody,
  pairEventsQuery,
  pairEventsResult,
  pathBody,
  shortestPathResult,
  statsQuery,
  statsResult,
  timelineBody,
  timelineResult,
  watchlistMatchQuery,
  watchlistMatchResult,
} from '#shared/contracts/comms';
import type { Api } from '../modules';
import { analysisCommand, datesOf } from './comms-analysis-command';
import { collect, count, score, tenths } from './comms-shared';

const num = (value: unknown): number => Number(value);

export function registerCommsAnalysisCommands(comms: Command, api: Api): void {
  analysisCommand(
    comms,
    api,
    'chain',
    'Numbers within 1–3 hops of the seeds, with the path to each',
    (c) =>
      c
        .requiredOption('--seed <number>', 'seed number (repeat)', collect, [])
        .option('--hops <n>', '1, 2 or 3', '2')
        .option('--limit <n>', 'maximum contacts', '1000'),
    (o, scope) => ({
      route: 'chain',
      graph: true,
      body: { scope, seeds: o.seed, hops: num(o.hops), limit: num(o.limit) },
      request: chainBody,
      schema: chainResult,
    }),
    // events: every event between the number and via, both ways (as `timeline --other` counts them).
    (r) =>
      r.contacts.map((c) => ({
        number: c.number,
        hops: c.hops,
        via: c.via,
        events: count(c.pair.events),
        'from via': count(c.pair.fromVia),
        'to via': count(c.pair.toVia),
        path: c.path.join(' > '),
      })),
    (r) => [
      ...(r.unknownSeeds.length > 0 ? [`not in the data: ${r.unknownSeeds.join(', ')}`] : []),
      ...(r.truncated
        ? [`showing ${count(r.contacts.length)} of ${count(r.total)} contacts; --limit to see more`]
        : []),
    ],
  );

  analysisCommand(
    comms,
    api,
    'common',
    'Common contacts of two or more numbers',
    (c) => c.requiredOption('--number <number>', 'a number (repeat)', collect, []),
    (o, scope) => ({
      route: 'common-contacts',
      graph: true,
      body: { scope, numbers: o.number },
      request: commonBody,
      schema: commonContactsResult,
    }),
    (r) => r.contacts.map((c) => ({ number: c.number, shared: c.shared, events: count(c.events) })),
  );

  analysisCommand(
    comms,
    api,
    'path',
    'Shortest path(s) between two numbers',
    (c) =>
      c
        .requiredOption('--from-number <number>', 'start')
        .requiredOption('--to-number <number>', 'end')
        .option('--all', 'all shortest paths'),
    (o, scope) => ({
      route: 'shortest-path',
      graph: true,
      body: { scope, from: o.fromNumber, to: o.toNumber, all: Boolean(o.all) },
      request: pathBody,
      schema: shortestPathResult,
    }),
    (r) => r.paths.map((p, i) => ({ path: i + 1, length: r.length, numbers: p.join(' > ') })),
  );

  analysisCommand(
    comms,
    api,
    'network',
    'Connecting network of a set of numbers',
    (c) => c.requiredOption('--number <number>', 'a member (repeat)', collect, []),
    (o, scope) => ({
      route: 'connecting-network',
      graph: true,
      body: { scope, numbers: o.number },
      request: networkBody,
      schema: connectingNetworkResult,
    }),
    (r) => r.paths.map((p) => ({ from: p.from, to: p.to, length: p.length, path: p.nodes.join(' > ') })),
  );

  analysisCommand(
    comms,
    api,
    'watchlist-match',
    'Watched subjects within 2 hops of a number',
    (c) => c.requiredOption('--number <number>', 'the number').option('--hops <n>', '0, 1 or 2', '2'),
    (o, scope) => ({
      route: 'watchlist-match',
      query: { number: String(o.number), hops: num(o.hops), ...datesOf(scope) },
      request: watchlistMatchQuery,
      schema: watchlistMatchResult,
    }),
    (r) =>
      r.matches.map((m) => ({ subject: m.subjectRef, watched: m.watchedNumber, hops: m.hops, via: m.via })),
  );

  analysisCommand(
    comms,
    api,
    'communities',
    'Communities (Louvain or label propagation)',
    (c) =>
      c
        .option('--method <m>', 'louvain or label-propagation', 'louvain')
        .option('--top <n>', 'largest communities shown', '20'),
    (o, scope) => ({
      route: 'communities',
      graph: true,
      body: { scope, method: o.method, top: num(o.top) },
      request: communitiesBody,
      schema: communitiesResult,
    }),
    (r) =>
      r.communities.map((c) => ({
        community: c.id,
        size: count(c.size),
        members: c.members.slice(0, 8).join(' '),
      })),
  );

  analysisCommand(
    comms,
    api,
    'centrality',
    'Most central numbers (degree, weighted degree, betweenness)',
    (c) =>
      c
        .option('--measure <m>', 'degree, weighted-degree or betweenness', 'degree')
        .option('--top <n>', 'how many', '20'),
    (o, scope) => ({
      route: 'centrality',
      graph: true,
      body: { scope, measure: o.measure, top: num(o.top) },
      request: centralityBody,
      schema: centralityResult,
    }),
    (r) =>
      r.top.map((t) => ({
        number: t.number,
        score: score(t.score),
        degree: count(t.degree),
        weightedDegree: count(t.weightedDegree),
      })),
  );

  analysisCommand(
    comms,
    api,
    'colocation',
    'Numbers seen on the same cell within ±T minutes (or repeated pairs)',
    (c) =>
      c
        .option('--number <number>', 'the subject (omit for repeated pairs)')
        .option('--other <number>', 'with --number: only this other number (co-location of a pair)')
        .option('--window <minutes>', '±T', '15')
        .option('--radius <metres>', 'also cells within R metres of each other (needs import-cells)'),
    (o, scope) => ({
      route: 'co-location',
      body: {
        scope,
        ...(o.number ? { number: o.number } : {}),
        ...(o.other ? { other: o.other } : {}),
        windowMinutes: num(o.window),
        ...(o.radius !== undefined ? { radiusMetres: num(o.radius) } : {}),
      },
      request: coLocationBody,
      schema: coLocationResult,
    }),
    (r) =>
      'coLocated' in r
        ? r.coLocated.map((c) => ({
            number: c.number,
            occurrences: count(c.occurrences),
            cells: c.cells.join(' '),
          }))
        : r.pairs.map((p) => ({ a: p.a, b: p.b, occurrences: count(p.occurrences) })),
  );

  analysisCommand(
    comms,
    api,
    'timeline',
    'Events of a number (or pair) by hour and day, top contacts, silences',
    (c) =>
      c
        .requiredOption('--number <number>', 'the number')
        .option('--other <number>', 'the other party of a pair'),
    (o, scope) => ({
      route: 'timeline',
      body: { scope, number: o.number, ...(o.other ? { other: o.other } : {}) },
      request: timelineBody,
      schema: timelineResult,
    }),
    (r) =>
      r.other !== null
        ? [
            {
              number: r.number,
              other: r.other,
              events: count(r.total),
              outgoing: count(r.pair?.outgoing),
              incoming: count(r.pair?.incoming),
              first: r.first,
              last: r.last,
              types: Object.entries(r.byType)
                .filter(([, n]) => n > 0)
                .map(([type, n]) => `${type} ${count(n)}`)
                .join(', '),
            },
          ]
        : r.topContacts.map((c) => ({
            contact: c.number,
            events: count(c.count),
            outgoing: count(c.outgoing),
            incoming: count(c.incoming),
            first: c.first,
            last: c.last,
          })),
    (r) => (r.other === null ? [`${r.number}: ${count(r.total)} events in all`] : []),
  );

  analysisCommand(
    comms,
    api,
    'pair-events',
    'The events behind a pair of numbers (evidence), one page',
    (c) =>
      c
        .requiredOption('--a <number>', 'one number')
        .requiredOption('--b <number>', 'the other')
        .option('--one-way', 'only events from a to b')
        .option('--limit <n>', 'events per page (at most 1000)', '100')
        .option('--offset <n>', 'events skipped', '0'),
    (o, scope) => ({
      route: 'pair-events',
      query: {
        a: String(o.a),
        b: String(o.b),
        bothDirections: o.oneWay ? 'false' : 'true',
        limit: num(o.limit),
        offset: num(o.offset),
        ...datesOf(scope),
      },
      request: pairEventsQuery,
      schema: pairEventsResult,
    }),
    (r) =>
      r.events.map((e) => ({
        start: e.start,
        type: e.type,
        a: e.a,
        b: e.b,
        duration_s: e.durationS,
        cell: e.cellId,
        line: e.sourceLine,
      })),
    (r) =>
      r.offset + r.events.length < r.total
        ? [
            `showing ${count(r.events.length)} of ${count(r.total)} events from ${count(r.offset)}; --offset to see more`,
          ]
        : [],
  );

  analysisCommand(
    comms,
    api,
    'stats',
    'Counts of the data within the scope',
    (c) => c,
    (_o, scope) => ({ route: 'stats', query: datesOf(scope), request: statsQuery, schema: statsResult }),
    (r) => [
      {
        records: count(r.records),
        numbers: count(r.numbers),
        pairs: count(r.directedPairs),
        first: r.first,
        last: r.last,
        days: tenths(r.spanDays),
      },
    ],
  );
}
