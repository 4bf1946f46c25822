import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

/**
 * Zod's issues in plain words under a field ("At least 2 characters", not "Too small: expected
 * string to have >=2 characters"). A contract's own message (`.regex(re, 'six digits')`) wins: zod
 * asks this map only when the schema gave none. Pure.
 */
export function fieldMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? 'Required' : undefined;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'Required' : `At least ${plural(issue.minimum, 'character')}`;
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return Number(issue.minimum) <= 1 ? 'Choose at least one' : `Choose at least ${issue.minimum}`;
      }
      return `At least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `At most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `At most ${issue.maximum}`;
      return `At most ${issue.maximum}`;
    case 'invalid_value':
      return 'Choose one of the options';
    case 'invalid_format':
      return issue.format === 'regex' ? 'Not in the expected form' : `Not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `Not expected: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

/** "already taken" → "Already taken": server and contract messages start lower-case. Pure. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
