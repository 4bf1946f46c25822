import { Command, CommanderError } from 'commander';
import { printable } from '#shared/printable';
import { packageVersion } from '#server/version';
import { CliError } from './api/cli-error';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerDbCommands } from './commands/db';
import { registerKeysCommands } from './commands/keys';
import { registerLoginCommands } from './commands/login';
import { registerSeedCommand } from './commands/seed';
import { registerServeCommand } from './commands/serve';
import { registerTokenCommands } from './commands/tokens';
import { registerUsersCommands } from './commands/users';
import { describeError, exitCodeOf, exitCodes } from './exit-codes';
import { cliModules, connect } from './modules';

const program = new Command('lantern')
  .description(
    'Lantern: operations platform for intelligence work under law.\n\n' +
      'Client commands talk to a running server as you (lantern login --url …, with a personal access ' +
      'token from Account → Access tokens; or LANTERN_URL and LANTERN_TOKEN). Offline administration ' +
      'opens the data directory (LANTERN_DATA_DIR) itself, so the server must be stopped.',
  )
  .version(packageVersion)
  .showHelpAfterError()
  .exitOverride();

program.commandsGroup('Client commands (a running server, as you):');
registerLoginCommands(program, connect);
registerTokenCommands(program, connect);
for (const module of cliModules) module.register(program, connect);

program.commandsGroup('Offline administration (the data directory; the server stopped):');
registerServeCommand(program);
registerDbCommands(program);
registerSeedCommand(program);
registerUsersCommands(program);
registerAuditCommands(program);
registerKeysCommands(program);
registerBackupCommands(program);

/** Errors of the offline commands, which run the server's code in this process. */
async function offlineError(error: unknown): Promise<string | undefined> {
  const [{ ConfigError }, { DataDirLockedError }, { AppError }] = await Promise.all([
    import('#server/config'),
    import('#server/db/data-dir-lock'),
    import('#server/platform/errors/index'),
  ]);
  if (error instanceof DataDirLockedError)
    return `lantern: ${printable(error.message)}\nOffline commands need the data directory to themselves; the client commands (lantern comms …) work beside a running server.\n`;
  if (error instanceof ConfigError) return `lantern: ${printable(error.message)}\n`;
  if (error instanceof AppError) return describeError(new CliError(error.code, error.message, error.details));
  return undefined;
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliError) {
    process.stderr.write(describeError(error));
    process.exit(exitCodeOf(error.code));
  }
  const offline = await offlineError(error);
  if (offline) {
    process.stderr.write(offline);
    process.exit(exitCodes.refused);
  }
  // A fault of ours: its type, codes and stack, never the values it may quote (SQL parameters,
  // the content of a file).
  const { safeError } = await import('#server/platform/safe-error');
  process.stderr.write(`lantern: internal error ${JSON.stringify(safeError(error), null, 2)}\n`);
  process.exit(exitCodes.fault);
}
