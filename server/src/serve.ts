import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp, demosOf } from './app';
import type { AppContext } from './app-context';
import { checkpointIfGrown } from './platform/audit/checkpoints';
import { sweepExpired } from './platform/auth/sweep-expired';
import type { Config } from './config';
import { seedDemo } from './demo/seed';
import { systemClock } from './platform/clock';
import { safeError } from './platform/logging';
import { openRuntime } from './runtime';

function printDemoAccess(
  config: Config,
  url: string,
  seed: Awaited<ReturnType<typeof seedDemo>> | undefined,
) {
  const lines = [`\nLantern is running at ${url} (Node.js ${process.version})`];
  if (seed) {
    lines.push(`Demo users (one per role): ${seed.usernames.join(', ')}`);
    if (seed.generatedPassword) {
      const file = path.join(config.dataDir, 'demo-credentials.txt');
      fs.writeFileSync(file, `password: ${seed.generatedPassword}\n`, { mode: 0o600 });
      lines.push(`Demo password (generated, shown once; also in ${file}): ${seed.generatedPassword}`);
    } else if (seed.seeded) {
      lines.push('Demo password: the value of LANTERN_DEMO_PASSWORD.');
    } else {
      lines.push(
        'Demo password: as printed at first start (see data/demo-credentials.txt), or LANTERN_DEMO_PASSWORD if it was set then.',
      );
    }
    lines.push('Sign in as e.g. "handler" or "admin".');
    lines.push('Demo users have no two-step verification enrolled; enrol one under Account → Security.');
  }
  // Written to the terminal, not the log stream: logs never carry credentials.
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Signs an audit checkpoint when the log has grown; a failure is logged loudly, never hidden. */
async function signCheckpoint(ctx: AppContext, log: FastifyBaseLogger): Promise<void> {
  try {
    const cp = await checkpointIfGrown(ctx.database.db, ctx.auditKeys, ctx.clock);
    if (cp) log.info({ treeSize: cp.treeSize.toString() }, 'audit checkpoint signed');
  } catch (error) {
    log.error({ err: safeError(error) }, 'audit checkpoint refused: the audit log does not verify');
  }
}

/** Dead sessions and spent throttle rows; a failure is logged and retried next minute. */
async function sweep(ctx: AppContext, log: FastifyBaseLogger): Promise<void> {
  try {
    const removed = await sweepExpired(ctx);
    if (removed.sessions || removed.throttleRows)
      log.info(removed, 'expired sessions and throttle rows removed');
  } catch (error) {
    log.error({ err: safeError(error) }, 'housekeeping sweep failed');
  }
}

/** Every minute: sign an audit checkpoint if the log grew, then sweep expired rows. */
function startMinuteTimer(ctx: AppContext, log: FastifyBaseLogger): NodeJS.Timeout {
  const timer = setInterval(() => void signCheckpoint(ctx, log).then(() => sweep(ctx, log)), 60_000);
  timer.unref();
  return timer;
}

/** Starts Lantern: lock, database, migrations, demo seed, HTTP, graceful shutdown on SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const runtime = await openRuntime(config);
  const seed = config.seedDemo
    ? await seedDemo(runtime.database.db, { password: config.demoPassword })
    : undefined;
  const ctx = {
    config,
    database: runtime.database,
    clock: systemClock,
    keys: runtime.keys,
    auditKeys: runtime.auditKeys,
  };
  const app = await buildApp(ctx);
  const minuteTimer = startMinuteTimer(ctx, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      clearInterval(minuteTimer);
      await app.close();
      await signCheckpoint(ctx, app.log);
    } finally {
      await runtime.close();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await runtime.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  printDemoAccess(
    config,
    `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    seed,
  );
  if (seed) await seedModuleDemos(app);
}

/**
 * Each enabled module's demo data, made by its own factories once the app is listening (sign-in
 * works while it fills in). A module's demo is idempotent: it returns early when its data exists.
 * A failure is logged and leaves the other modules' demos and the running app as they are.
 */
async function seedModuleDemos(app: Awaited<ReturnType<typeof buildApp>>): Promise<void> {
  const demos = demosOf(app);
  for (const [index, demo] of demos.entries()) {
    const started = performance.now();
    const step = `Demo data ${index + 1}/${demos.length} (${demo.module})`;
    console.log(`${step}: filling in; sign-in works meanwhile…`);
    try {
      await demo.run();
      console.log(`${step}: ready in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    } catch (error) {
      console.log(`${step}: failed (see the log); the rest of Lantern runs.`);
      app.log.error({ module: demo.module, err: safeError(error) }, 'module demo data failed');
    }
  }
}
