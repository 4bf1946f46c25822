import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts a throw-away PostgreSQL server for tests: initdb into a temp dir, as a non-root OS user
 * (postgres refuses to run as root), on a free port on 127.0.0.1, trust auth for local test use.
 * Installs Debian's postgresql when the binaries are missing and we may (root), otherwise fails
 * with a message saying how.
 */
export interface TestPostgres {
  url: string;
  /** The server's data directory (for tests that inspect what reached disk). */
  dataDir: string;
  binDir: string;
  stop(): Promise<void>;
}

const candidateBinDirs = [
  '/usr/lib/postgresql/15/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/17/bin',
];

function findBinDir(): string | undefined {
  const fromEnv = process.env.LANTERN_PG_BIN;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  return candidateBinDirs.find((dir) => fs.existsSync(path.join(dir, 'initdb')));
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function ensurePostgresBinaries(): string {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) {
    throw new Error(
      'PostgreSQL server binaries are missing. Install them with `sudo apt-get install -y postgresql` ' +
        '(Debian) or set LANTERN_PG_BIN to the directory holding initdb and postgres.',
    );
  }
  process.stderr.write('[test setup] installing PostgreSQL (apt-get install postgresql)...\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findBinDir();
  if (!installed)
    throw new Error('apt-get installed postgresql but no initdb was found under /usr/lib/postgresql.');
  return installed;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asUser(user: string | undefined, command: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
}

async function waitForReady(binDir: string, port: number, user: string | undefined, log: () => string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [cmd, args] = asUser(user, path.join(binDir, 'pg_isready'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
    ]);
    try {
      execFileSync(cmd, args, { stdio: 'ignore' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`PostgreSQL did not become ready on port ${port}:\n${log()}`);
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const binDir = ensurePostgresBinaries();
  // As root, run the server as the unprivileged `postgres` user the Debian package creates.
  const user = isRoot() ? 'postgres' : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-pg-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  if (user) execFileSync('chown', [user, dir]);
  const [initCmd, initArgs] = asUser(user, path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'lantern',
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const [cmd, args] = asUser(user, path.join(binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${dir}`,
    '-c',
    'fsync=off',
    '-c',
    'max_connections=200',
  ]);
  let output = '';
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await waitForReady(binDir, port, user, () => output);
  return {
    url: `postgres://lantern@127.0.0.1:${port}/postgres`,
    dataDir,
    binDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // runuser does not forward signals, so ask the server itself to stop (fast mode).
      const [stopCmd, stopArgs] = asUser(user, path.join(binDir, 'pg_ctl'), [
        'stop',
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
      ]);
      try {
        execFileSync(stopCmd, stopArgs, { stdio: 'ignore' });
      } catch {
        child.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
