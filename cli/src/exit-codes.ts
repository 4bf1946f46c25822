import { printable } from '#shared/printable';
import type { CliError, CliErrorCode } from './api/cli-error';

/**
 * The exit codes of `lantern` (README, Commands): what a script can act on without reading text.
 * 0 done; 1 a fault (of the CLI or the server); 2 refused (a flag, a rule, a name that matches
 * nothing, a permission); 3 not signed in, or the token refused; 4 try again later (no server
 * answering, server unavailable, rate limited).
 */
export const exitCodes = { ok: 0, fault: 1, refused: 2, notSignedIn: 3, tryLater: 4 } as const;

export function exitCodeOf(code: CliErrorCode): number {
  switch (code) {
    case 'INTERNAL':
    case 'INVALID_RESPONSE':
      return exitCodes.fault;
    case 'UNAUTHENTICATED':
    case 'NOT_SIGNED_IN':
      return exitCodes.notSignedIn;
    case 'UNREACHABLE':
    case 'SERVICE_UNAVAILABLE':
    case 'RATE_LIMITED':
      return exitCodes.tryLater;
    default:
      return exitCodes.refused;
  }
}

/** `lantern: CODE: message`, then the rule that refused and the fields at fault, one a line. */
export function describeError(error: CliError): string {
  const lines = [`lantern: ${error.code}: ${printable(error.message)}`];
  const rule = error.details?.rule;
  if (rule) lines.push(`  rule: ${printable(rule)}`);
  for (const field of error.details?.fields ?? [])
    if (!error.message.includes(`${field.path}: `))
      lines.push(`  ${printable(field.path)}: ${printable(field.message)}`);
  return `${lines.join('\n')}\n`;
}
