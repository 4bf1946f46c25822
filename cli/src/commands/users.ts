import { randomBytes } from 'node:crypto';
import { type Command, InvalidArgumentError } from 'commander';
import { type Role, roleSchema, roles } from '#shared/contracts/roles';
import { printTable } from '../output';
import { withRuntime } from '../runtime';

/** The console's scope (server code, loaded only when an offline command runs). */
async function consoleOf() {
  const { systemClock } = await import('#server/platform/clock');
  const { consoleScope } = await import('#server/platform/request-scope');
  return consoleScope(systemClock);
}

function collectRole(value: string, previous: Role[]): Role[] {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`unknown role "${value}"; roles: ${roles.join(', ')}`);
  return [...previous, parsed.data];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerUsersCommands(program: Command): void {
  const users = program
    .command('users')
    .description('Manage user accounts (offline: the first administrator; then Administration in the web)');

  users
    .command('add <username>')
    .description(
      'Create a user; the password is read from stdin (--password-stdin) or generated and shown once',
    )
    .requiredOption('-r, --role <role>', `a role (repeat for several): ${roles.join(', ')}`, collectRole, [])
    .option('-n, --display-name <name>', 'the name shown in the interface')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (username: string, options: { role: Role[]; displayName?: string; passwordStdin?: boolean }) => {
        const password = options.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
        const { createUser } = await import('#server/platform/auth/use-cases/create-user');
        const scope = await consoleOf();
        await withRuntime(async (runtime) => {
          const user = await createUser(
            runtime.database.db,
            { username, displayName: options.displayName ?? username, password, roles: options.role },
            scope,
          );
          process.stdout.write(`Created ${user.username} (${user.roles.join(', ')}).\n`);
          if (!options.passwordStdin) process.stdout.write(`Password (shown once): ${password}\n`);
        });
      },
    );

  users
    .command('list')
    .description('List user accounts')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) => {
      const { listUsers } = await import('#server/platform/auth/users.repo');
      await withRuntime(async (runtime) => {
        const rows = (await listUsers(runtime.database.db)).map((u) => ({
          username: u.username,
          displayName: u.displayName,
          roles: u.roles.join(','),
          status: u.disabledAt ? `disabled ${u.disabledAt.toISOString()}` : 'active',
        }));
        if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else printTable(rows);
      });
    });

  users
    .command('disable <username>')
    .description('Disable a user and end their sessions at once')
    .action(async (username: string) => {
      const { disableUser } = await import('#server/platform/auth/use-cases/disable-user');
      const scope = await consoleOf();
      await withRuntime(async (runtime) => {
        await disableUser(runtime.database.db, username, scope);
        process.stdout.write(`Disabled ${username}; their sessions are ended.\n`);
      });
    });
}
