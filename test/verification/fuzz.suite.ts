import { openDatabase } from '#server/db/client';
import { fuzzAll } from './fuzz/fuzz';
import { buildWorld } from './fuzz/world';
import { option, type SuiteResult, table } from './suite';

// The schema-driven fuzzer at full size (issue 27, item 2): every route with a body or query,
// 10,000 inputs each by default, on an in-process PGlite. Prints the seed, per-route counts and
// status histograms. Options: --runs N (10000), --seed N (random), --route <part of a route key>.
// A failure line carries the seed, route and input: `--seed S --route R` replays it.

export async function run(args: string[]): Promise<SuiteResult> {
  const count = Number(option(args, 'runs', '10000'));
  const seed = Number(option(args, 'seed', String(Math.floor(Math.random() * 2 ** 31))));
  const only = option(args, 'route', '') || undefined;
  process.stdout.write(`seed ${seed}, ${count} inputs a route${only ? `, routes matching '${only}'` : ''}\n`);
  const database = await openDatabase({});
  await database.migrate();
  const world = await buildWorld(database);
  const started = performance.now();
  try {
    const result = await fuzzAll(world, database, {
      seed,
      count,
      only,
      log: (line) => process.stdout.write(`  ${line}\n`),
    });
    const total = result.routes.reduce((n, r) => n + r.inputs, 0);
    const statuses = new Map<number, number>();
    for (const r of result.routes)
      for (const [s, n] of Object.entries(r.statuses))
        statuses.set(Number(s), (statuses.get(Number(s)) ?? 0) + n);
    process.stdout.write(
      `\n${table(
        ['route', 'inputs', 'valid', 'refused by schema', 'statuses'],
        result.routes.map((r) => [
          r.key,
          r.inputs,
          r.valid,
          r.refusedBySchema,
          Object.entries(r.statuses)
            .map(([s, n]) => `${s}×${n}`)
            .join(' '),
        ]),
      )}\n`,
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${total} inputs over ${result.routes.length} routes in ${seconds.toFixed(0)} s; statuses ${[
        ...statuses,
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}; ${result.failures.length} failures\n`,
    );
    const failures = [
      ...result.unreachable.map((u) => `unreachable: ${u}`),
      ...result.failures,
      ...result.routes.filter((r) => r.valid === 0).map((r) => `${r.key}: no valid input was generated`),
    ];
    return { ok: failures.length === 0, failures };
  } finally {
    await world.close();
    await database.close();
  }
}
