import type { Command } from 'commander';
import { meResponse } from '#shared/contracts/auth';
import { accessTokenPattern } from '#shared/contracts/tokens';
import { ApiClient } from '../api/client';
import { CliError } from '../api/cli-error';
import {
  credentialsPath,
  isPlainHttpToAnotherHost,
  removeCredentials,
  serverUrl,
  writeCredentials,
} from '../api/credentials';
import { promptHidden, readStdin } from '../api/read-secret';
import type { Api } from '../modules';

const DEFAULT_URL = 'http://127.0.0.1:8080';

/**
 * `lantern login`, `logout` and `whoami`: the server the client commands talk to and the personal
 * access token they act with (made under Account → Access tokens in the web; ADR 0021).
 */
export function registerLoginCommands(program: Command, api: Api): void {
  program
    .command('login')
    .description(
      'Store the server URL and a personal access token (from Account → Access tokens) for the client commands',
    )
    .option('--url <url>', `the Lantern server (default: LANTERN_URL or ${DEFAULT_URL})`)
    .option('--token-stdin', 'read the token from standard input instead of asking for it')
    .action(async (o: { url?: string; tokenStdin?: boolean }) => {
      const url = serverUrl(o.url ?? (process.env.LANTERN_URL?.trim() || DEFAULT_URL));
      if (isPlainHttpToAnotherHost(url))
        process.stderr.write(
          `lantern: warning: ${url} is plain HTTP to another machine; the token would travel unencrypted (use https://).\n`,
        );
      const token = (o.tokenStdin ? await readStdin() : await promptHidden('Access token: ')).trim();
      if (!accessTokenPattern.test(token))
        throw new CliError(
          'VALIDATION_FAILED',
          'That is not a Lantern access token (lnt_ and 43 characters); make one under Account → Access tokens.',
        );
      // Checked before it is stored: a wrong URL or a dead token is said now, not at the next command.
      const me = await new ApiClient({ url, token, source: 'file' }).get('/api/auth/me', meResponse);
      await writeCredentials({ url, token });
      process.stdout.write(
        `Signed in to ${url} as ${me.user.username} (${me.user.displayName}); credentials in ${credentialsPath()}.\n`,
      );
    });

  program
    .command('logout')
    .description(
      'Forget the stored server URL and token (revoke the token itself under Account → Access tokens)',
    )
    .action(async () => {
      const removed = await removeCredentials();
      process.stdout.write(
        removed
          ? `Forgot the credentials in ${credentialsPath()}. The token works until it expires or is revoked: revoke it under Account → Access tokens, or with lantern tokens revoke.\n`
          : 'No stored credentials; nothing changed.\n',
      );
    });

  program
    .command('whoami')
    .description('The server, the user the token acts as, and their permissions')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const client = await api();
      const me = await client.get('/api/auth/me', meResponse);
      if (o.json) {
        process.stdout.write(`${JSON.stringify({ url: client.connection.url, ...me }, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${me.user.username} (${me.user.displayName}) on ${client.connection.url}, token from ${client.connection.source === 'file' ? credentialsPath() : 'LANTERN_TOKEN'}\n` +
          `roles: ${me.user.roles.join(', ')}; clearance: ${me.clearance}\n` +
          `permissions: ${me.permissions.join(', ')}\n`,
      );
    });
}
