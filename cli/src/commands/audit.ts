import type { Command } from 'commander';
import { withRuntime } from '../runtime';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log (offline)');

  audit
    .command('verify')
    .description(
      'Check the hash chain, every signed checkpoint and the witness copy; name the first bad event',
    )
    .action(async () => {
      const { verifyAuditTrail } = await import('#server/platform/audit/checkpoints');
      const result = await withRuntime((runtime, config) =>
        verifyAuditTrail(runtime.database.db, config.keyDir),
      );
      if (result.ok) {
        const last = result.lastCheckpoint
          ? `last signed checkpoint at ${result.lastCheckpoint.treeSize}`
          : 'no checkpoint yet';
        process.stdout.write(`Audit log OK: ${result.count} events verified (${last}).\n`);
        return;
      }
      process.stdout.write(
        `Audit log FAILED verification at event ${result.firstBadSeq ?? '?'}: ${result.reason}` +
          `${result.detail ? ` (${result.detail})` : ''}. Events up to ${result.verifiedUpTo} verified.\n`,
      );
      process.exitCode = 1;
    });

  audit
    .command('checkpoint')
    .description('Sign a checkpoint of the log now (the server also does so every minute and at shutdown)')
    .action(async () => {
      const { checkpointIfGrown } = await import('#server/platform/audit/checkpoints');
      const { systemClock } = await import('#server/platform/clock');
      const cp = await withRuntime((runtime) =>
        checkpointIfGrown(runtime.database.db, runtime.auditKeys, systemClock),
      );
      process.stdout.write(cp ? `Signed checkpoint at ${cp.treeSize} events.\n` : 'Nothing new to sign.\n');
    });
}
