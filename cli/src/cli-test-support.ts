import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { type ServerProcess, repoRoot, startServerProcess } from '../../test/server-process';

/** What a `lantern` run printed and how it ended (failed or not, so every check of a scenario reports). */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lantern …` as a user would (a process of its own), with `input` on its standard input. */
export function runLantern(
  args: string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; input?: string },
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(repoRoot, 'cli/bin/lantern.mjs'), ...args],
      { env: options.env, cwd: options.cwd, maxBuffer: 32 << 20 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}

/**
 * A browser-like session against a running server, for test set-up over the real API: the
 * session and CSRF cookies kept, the CSRF header sent on every unsafe request.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  private constructor(readonly url: string) {}

  static async signIn(url: string, username: string, password: string): Promise<HttpSession> {
    const session = new HttpSession(url);
    await session.request('GET', '/api/health');
    await session.request('POST', '/api/auth/sign-in', { username, password });
    return session;
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('lantern_csrf');
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * A user made by the demo administrator over the API, signed in, with a personal access token made
 * by their session (as a new user does it in the web, under Account → Access tokens).
 */
export async function userWithToken(
  url: string,
  adminPassword: string,
  user: { username: string; roles: string[]; clearance?: string },
): Promise<{ id: string; secret: string; session: HttpSession }> {
  const admin = await HttpSession.signIn(url, 'admin', adminPassword);
  const created = await admin.request<{ user: { id: string }; oneTimePassword: string }>(
    'POST',
    '/api/admin/users',
    { displayName: user.username, clearance: 'SECRET', ...user },
  );
  const session = await HttpSession.signIn(url, user.username, created.oneTimePassword);
  const { secret } = await session.request<{ secret: string }>('POST', '/api/auth/tokens', {
    name: 'CLI test',
  });
  return { id: created.user.id, secret, session };
}

/**
 * One server process for the calling test file, as `npm start` runs it, and the CLI logged in to it
 * with the token of a new user with `roles`, run from a directory of its own (no LANTERN_DATA_DIR:
 * nothing of the CLI opens the data). Read the fields inside tests (they are set in beforeAll):
 * `demoPassword` is the demo administrator's (to make other users with `userWithToken`), and
 * `user.session` the CLI user's own signed-in web session (to act as them over the API).
 */
export function cliSessionPerFile(who: { username: string; roles: string[] }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-cli-data-'));
  const home = mkdtempSync(join(tmpdir(), 'lantern-cli-home-'));
  const work = join(home, 'work');
  mkdirSync(work);
  const demoPassword = 'cli-session-demo-password';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'config'),
    LANTERN_LOG_LEVEL: 'silent',
  };
  for (const name of ['LANTERN_DATA_DIR', 'DATABASE_URL', 'LANTERN_URL', 'LANTERN_TOKEN']) delete env[name];
  const session = {
    env,
    home,
    work,
    demoPassword,
    server: undefined as unknown as ServerProcess,
    user: undefined as unknown as { id: string; secret: string; session: HttpSession },
  };
  beforeAll(async () => {
    session.server = await startServerProcess({
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: demoPassword,
    });
    session.user = await userWithToken(session.server.url, demoPassword, who);
    const login = await runLantern(['login', '--url', session.server.url, '--token-stdin'], {
      env,
      cwd: work,
      input: `${session.user.secret}\n`,
    });
    expect(login, login.stderr).toMatchObject({ code: 0 });
  }, 120_000);
  afterAll(async () => {
    await session.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });
  return session;
}
