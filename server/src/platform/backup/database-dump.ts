import { execFile } from 'node:child_process';
import { existsSync, openAsBlob, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../errors/index';
import { fsyncPath } from './files';

/**
 * Dumps PGlite's data directory whole (PGlite's own `dumpDataDir()`, a tar), through a PGlite
 * opened on it by this process alone (the caller holds the data-dir lock): a consistent copy.
 * The tar is built in memory — fine at PGlite's sizes; a large installation runs PostgreSQL.
 */
export async function dumpPglite(pgliteDir: string, to: string): Promise<void> {
  const client = new PGlite(pgliteDir);
  try {
    await client.waitReady;
    await client.exec('CHECKPOINT');
    const tar = await client.dumpDataDir('none');
    await writeFile(to, Buffer.from(await tar.arrayBuffer()), { flag: 'wx', mode: 0o600 });
    await fsyncPath(to);
  } finally {
    await client.close();
  }
}

/** Writes PGlite's data directory from a dumpDataDir() tar into `pgliteDir` (missing or empty). */
export async function loadPglite(tarPath: string, pgliteDir: string): Promise<void> {
  const client = new PGlite(pgliteDir, { loadDataDir: await openAsBlob(tarPath) });
  try {
    await client.waitReady;
  } finally {
    await client.close();
  }
}

const binCandidates = ['/usr/lib/postgresql', '/usr/local/pgsql'];

/** Major version of the server at `url` (15, 16, …). */
async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>('show server_version_num');
    return Math.floor(Number(rows[0]?.v ?? 0) / 10_000);
  } finally {
    await client.end();
  }
}

/**
 * Finds `tool` (pg_dump, pg_restore) for a server of `major`: LANTERN_PG_BIN if set, else the
 * installed PostgreSQL of the same major version (Debian's /usr/lib/postgresql/<major>/bin, as the
 * test setup finds its server), else the newest installed one newer than the server, else PATH.
 */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', major: number, env = process.env): string {
  if (env.LANTERN_PG_BIN) {
    const path = join(env.LANTERN_PG_BIN, tool);
    if (existsSync(path)) return path;
    throw new AppError('RULE_VIOLATION', `LANTERN_PG_BIN is set but holds no ${tool}.`);
  }
  const installed: { major: number; path: string }[] = [];
  for (const root of binCandidates) {
    let names: string[] = [];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(root, name, 'bin', tool);
      if (/^[0-9]+$/.test(name) && existsSync(path)) installed.push({ major: Number(name), path });
    }
  }
  const same = installed.find((i) => i.major === major);
  if (same) return same.path;
  const newer = installed.filter((i) => i.major > major).sort((a, b) => b.major - a.major)[0];
  if (newer) return newer.path;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const path = join(dir, tool);
    if (dir && existsSync(path)) return path;
  }
  throw new AppError(
    'RULE_VIOLATION',
    `${tool} (PostgreSQL ${major} or later) was not found. Install the PostgreSQL client ` +
      `(apt-get install postgresql-client-${major}) or set LANTERN_PG_BIN to the directory holding it.`,
  );
}

/**
 * The connection of a server URL split for the PostgreSQL tools: the URL without its password (it
 * would show in the process list) and the password in PGPASSWORD.
 */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGCONNECT_TIMEOUT: '30' };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { env, maxBuffer: 16 << 20 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      // Its own diagnostics name objects; DETAIL and CONTEXT lines can quote a row's values, so
      // they are left out (never log what the database holds).
      const lines = String(stderr)
        .trim()
        .split('\n')
        .filter((line) => !/^\s*(pg_\w+: )?(DETAIL|CONTEXT|LINE \d+):/.test(line))
        .slice(-5)
        .join('\n  ');
      reject(new AppError('INTERNAL', `${tool.split('/').at(-1)} failed: ${lines || error.message}`));
    });
  });
}

/** `pg_dump --format=custom` of the server database at `url` into `to`. */
export async function dumpPostgres(url: string, to: string): Promise<{ tool: string }> {
  const tool = findPgTool('pg_dump', await serverMajor(url));
  const { dbname, env } = connectionFor(url);
  await run(
    tool,
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${to}`, `--dbname=${dbname}`],
    env,
  );
  await fsyncPath(to);
  return { tool };
}

/** `pg_restore` of a custom dump into the server database at `url`, in one transaction. */
export async function loadPostgres(dumpPath: string, url: string): Promise<void> {
  const tool = findPgTool('pg_restore', await serverMajor(url));
  const { dbname, env } = connectionFor(url);
  await run(
    tool,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${dbname}`,
      dumpPath,
    ],
    env,
  );
}

/** Whether the server database at `url` holds anything of Lantern's (or any table at all). */
export async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*)::text as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p', 'S', 'v', 'm')
         and n.nspname not in ('pg_catalog', 'information_schema')
         and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'`,
    );
    return rows[0]?.n === '0';
  } finally {
    await client.end();
  }
}

/** Empties the server database for `restore --force`: Lantern's schemas dropped and `public` made anew. */
export async function clearPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('drop schema if exists drizzle cascade');
    await client.query('drop schema if exists public cascade');
    await client.query('create schema public');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
