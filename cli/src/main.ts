import { Command, CommanderError } from 'commander';
import { ConfigError } from '../../server/src/config';
import { DataDirLockedError } from '../../server/src/db/data-dir-lock';
import { printable } from '#shared/printable';
import { AppError } from '../../server/src/platform/errors';
import { safeError } from '../../server/src/platform/safe-error';
import { packageVersion } from '../../server/src/version';
import { registerCommsCommands } from './commands/comms';
import { registerAuditCommands } from './commands/audit';
import { registerDbCommands } from './commands/db';
import { registerKeysCommands } from './commands/keys';
import { registerSeedCommand } from './commands/seed';
import { registerServeCommand } from './commands/serve';
import { registerUsersCommands } from './commands/users';

const program = new Command('lantern')
  .description('Lantern: operations platform for intelligence work under law')
  .version(packageVersion)
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDbCommands(program);
registerSeedCommand(program);
registerUsersCommands(program);
registerAuditCommands(program);
registerKeysCommands(program);
registerCommsCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof AppError) {
    process.stderr.write(`lantern: ${printable(error.message)}\n`);
    process.exit(2);
  }
  // A fault of ours: its type, codes and stack, never the values it may quote (SQL parameters,
  // the content of a file).
  process.stderr.write(`lantern: internal error ${JSON.stringify(safeError(error), null, 2)}\n`);
  process.exit(1);
}
