import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { accessTokenPattern } from '#shared/contracts/tokens';
import { CliError } from './cli-error';

/** Where `lantern login` keeps the server's URL and the access token (ADR 0021). */
export function credentialsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(env.HOME?.trim() || homedir(), '.config');
  return join(base, 'lantern', 'credentials.json');
}

const credentialsFile = z.object({ url: z.string(), token: z.string().regex(accessTokenPattern) });

export interface Credentials {
  /** The server's base URL, without a trailing slash. */
  url: string;
  token: string;
}

export interface Connection extends Credentials {
  /** Where the token came from: LANTERN_TOKEN, or the credentials file. */
  source: 'environment' | 'file';
}

/** A base URL as the client uses it: http(s) only, no path, query or credentials in it. */
export function serverUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('VALIDATION_FAILED', `Not a URL: '${value}' (e.g. http://127.0.0.1:8080).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError('VALIDATION_FAILED', `The server's URL must start with http:// or https://.`);
  if (url.username || url.password || url.search || url.hash)
    throw new CliError('VALIDATION_FAILED', 'Give the server URL alone, without a user, query or fragment.');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Whether the token would travel unencrypted to another machine. */
export function isPlainHttpToAnotherHost(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]', '::1'].includes(hostname);
}

export async function readCredentials(path = credentialsPath()): Promise<Credentials | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = credentialsFile.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new CliError(
      'NOT_SIGNED_IN',
      `${path} is not a credentials file Lantern wrote; run lantern login again.`,
    );
  if (((await stat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  return { url: serverUrl(parsed.data.url), token: parsed.data.token };
}

/** Writes the credentials readable by their owner alone (0600, in a 0700 directory), atomically. */
export async function writeCredentials(credentials: Credentials, path = credentialsPath()): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/** Forgets the credentials; whether there were any. */
export async function removeCredentials(path = credentialsPath()): Promise<boolean> {
  try {
    await stat(path);
  } catch {
    return false;
  }
  await rm(path, { force: true });
  return true;
}

/**
 * The server and token a command uses: LANTERN_URL / LANTERN_TOKEN override the credentials file.
 * A stored token is never sent to another server than the one it was stored for: LANTERN_URL
 * naming another server needs LANTERN_TOKEN too.
 */
export async function resolveConnection(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  const envUrl = env.LANTERN_URL?.trim() ? serverUrl(env.LANTERN_URL.trim()) : undefined;
  const envToken = env.LANTERN_TOKEN?.trim();
  if (envToken) {
    if (!accessTokenPattern.test(envToken))
      throw new CliError('NOT_SIGNED_IN', 'LANTERN_TOKEN is not a Lantern access token (lnt_…).');
    const url = envUrl ?? (await readCredentials(credentialsPath(env)))?.url;
    if (!url)
      throw new CliError(
        'NOT_SIGNED_IN',
        'LANTERN_TOKEN is set but not LANTERN_URL: set the server URL too.',
      );
    return { url, token: envToken, source: 'environment' };
  }
  const stored = await readCredentials(credentialsPath(env));
  if (!stored)
    throw new CliError(
      'NOT_SIGNED_IN',
      'Not signed in: run `lantern login --url <server>` with an access token from Account → Access tokens (or set LANTERN_URL and LANTERN_TOKEN).',
    );
  if (envUrl && envUrl !== stored.url)
    throw new CliError(
      'NOT_SIGNED_IN',
      `The stored token is for ${stored.url}, not ${envUrl}: set LANTERN_TOKEN too, or run lantern login --url ${envUrl}.`,
    );
  return { ...stored, source: 'file' };
}
