import type { Command } from 'commander';
import { accessTokenPage, type AccessTokenView } from '#shared/contracts/tokens';
import type { Api } from '../modules';
import { printTable } from '../output';

/**
 * `lantern tokens list|revoke`: the user's own personal access tokens. Making one needs the
 * signed-in web session (Account → Access tokens): a token never makes another.
 */
export function registerTokenCommands(program: Command, api: Api): void {
  const tokens = program
    .command('tokens')
    .description('Your personal access tokens (make them under Account → Access tokens in the web)');

  tokens
    .command('list')
    .description('Your tokens: name, id, created, last used, expiry (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const client = await api();
      const items: AccessTokenView[] = [];
      for (let offset = 0; ; ) {
        const page = await client.get('/api/auth/tokens', accessTokenPage, { limit: 500, offset });
        items.push(...page.items);
        offset += page.items.length;
        if (page.items.length === 0 || offset >= page.total) break;
      }
      if (o.json) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      printTable(
        items.map((t) => ({
          name: t.name,
          id: t.id,
          created: t.createdAt,
          'last used': t.lastUsedAt ?? 'never',
          expires: t.expired ? `expired ${t.expiresAt}` : t.expiresAt,
        })),
      );
    });

  tokens
    .command('revoke')
    .description('Revoke one of your tokens: its next request is refused')
    .argument('<id>', 'the token id (lantern tokens list)')
    .action(async (id: string) => {
      const client = await api();
      await client.request('DELETE', `/api/auth/tokens/${encodeURIComponent(id)}`);
      process.stdout.write(`Revoked access token ${id}.\n`);
    });
}
