import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeError, exitCodeOf } from '../exit-codes';
import { CliError } from './cli-error';
import {
  credentialsPath,
  readCredentials,
  resolveConnection,
  serverUrl,
  writeCredentials,
} from './credentials';

const home = mkdtempSync(join(tmpdir(), 'lantern-credentials-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const token = `lnt_${'a'.repeat(43)}`;
const other = `lnt_${'b'.repeat(43)}`;

describe('credentials', () => {
  it('live under $XDG_CONFIG_HOME, else ~/.config', () => {
    expect(credentialsPath({ XDG_CONFIG_HOME: '/x' })).toBe('/x/lantern/credentials.json');
    expect(credentialsPath({ HOME: '/home/u' })).toBe('/home/u/.config/lantern/credentials.json');
  });

  it('are written for their owner alone, and narrowed back if made wider', async () => {
    const env = { XDG_CONFIG_HOME: join(home, 'a') };
    const path = credentialsPath(env);
    await writeCredentials({ url: 'http://127.0.0.1:8080', token }, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'a', 'lantern')).mode & 0o777).toBe(0o700);
    chmodSync(path, 0o644);
    expect(await readCredentials(path)).toEqual({ url: 'http://127.0.0.1:8080', token });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('give way to LANTERN_URL and LANTERN_TOKEN, and never send a stored token to another server', async () => {
    const env = { XDG_CONFIG_HOME: join(home, 'b') };
    await expect(resolveConnection(env)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await writeCredentials({ url: 'http://127.0.0.1:8080', token }, credentialsPath(env));
    expect(await resolveConnection(env)).toEqual({ url: 'http://127.0.0.1:8080', token, source: 'file' });
    expect(await resolveConnection({ ...env, LANTERN_TOKEN: other })).toMatchObject({
      url: 'http://127.0.0.1:8080',
      token: other,
      source: 'environment',
    });
    expect(
      await resolveConnection({ ...env, LANTERN_URL: 'https://lantern.example', LANTERN_TOKEN: other }),
    ).toMatchObject({ url: 'https://lantern.example', token: other });
    await expect(resolveConnection({ ...env, LANTERN_URL: 'https://lantern.example' })).rejects.toMatchObject(
      {
        code: 'NOT_SIGNED_IN',
        message: expect.stringContaining('The stored token is for http://127.0.0.1:8080'),
      },
    );
    await expect(resolveConnection({ ...env, LANTERN_TOKEN: 'password123' })).rejects.toMatchObject({
      code: 'NOT_SIGNED_IN',
    });
  });

  it('refuse a file Lantern did not write', async () => {
    const path = join(home, 'c.json');
    writeFileSync(path, JSON.stringify({ url: 'http://x', token: 'nope' }));
    await expect(readCredentials(path)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
  });
});

describe('server URLs', () => {
  it('are http(s) origins with an optional path, nothing else', () => {
    expect(serverUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(serverUrl('https://intranet.example/lantern/')).toBe('https://intranet.example/lantern');
    for (const bad of ['127.0.0.1:8080', 'ftp://x', 'http://u:p@x', 'http://x/?a=1', 'not a url'])
      expect(() => serverUrl(bad), bad).toThrow(CliError);
  });
});

describe('errors', () => {
  it('map to exit codes a script can act on', () => {
    expect(exitCodeOf('VALIDATION_FAILED')).toBe(2);
    expect(exitCodeOf('RULE_VIOLATION')).toBe(2);
    expect(exitCodeOf('NOT_FOUND')).toBe(2);
    expect(exitCodeOf('UNAUTHENTICATED')).toBe(3);
    expect(exitCodeOf('NOT_SIGNED_IN')).toBe(3);
    expect(exitCodeOf('UNREACHABLE')).toBe(4);
    expect(exitCodeOf('RATE_LIMITED')).toBe(4);
    expect(exitCodeOf('INTERNAL')).toBe(1);
  });

  it('print the code, the message, the rule and the fields not already said', () => {
    const error = new CliError('RULE_VIOLATION', 'Outside the period.\u001b[2J', {
      rule: 'IPA 2016 Part 3',
      fields: [{ path: 'body.scope.from', message: 'too early' }],
    });
    expect(describeError(error)).toBe(
      'lantern: RULE_VIOLATION: Outside the period.\\x1b[2J\n  rule: IPA 2016 Part 3\n  body.scope.from: too early\n',
    );
  });
});
