import type { Scope as GraphScope } from '#graph/index';
import { COMMS_SCOPE_RULE, type ScopeInput } from '#shared/contracts/comms';
import { AppError } from '../../platform/errors';
import type { Scope as StoreScope } from './store/index.js';

/** What a dataset's authorisation allows: the date range and (when listed) the numbers. */
export interface Authorisation {
  name: string;
  from: Date;
  to: Date;
  /** Empty = every number in the acquired data. */
  numbers: readonly string[];
}

/** The scope a call runs in, after checking it against every dataset's authorisation. */
export interface EffectiveScope {
  from: Date;
  to: Date;
  /** Numbers asked for (null = all the authorisation allows). */
  numbers: string[] | null;
  graph: GraphScope;
}

function refuse(message: string): never {
  throw new AppError('RULE_VIOLATION', `${COMMS_SCOPE_RULE}: ${message}`, { rule: COMMS_SCOPE_RULE });
}

/**
 * IPA 2016 Part 3: the authorisation's numbers and date range bind the data acquired under it, so
 * a call asking for dates or numbers outside any of its datasets' authorisations is refused (never
 * silently clipped: the analyst must know the answer is not what they asked for). Without dates,
 * the call runs over the authorised period (the intersection, for several datasets).
 */
export function resolveAuthorisedScope(auths: readonly Authorisation[], input: ScopeInput): EffectiveScope {
  if (auths.length === 0) throw new Error('no dataset');
  const from = input.from ? new Date(input.from) : new Date(Math.max(...auths.map((a) => a.from.getTime())));
  const to = input.to ? new Date(input.to) : new Date(Math.min(...auths.map((a) => a.to.getTime())));
  for (const a of auths) {
    const period = `dataset '${a.name}' is authorised from ${a.from.toISOString()} to ${a.to.toISOString()}`;
    if (from < a.from || to > a.to)
      refuse(`${period}; the call asks for ${from.toISOString()} to ${to.toISOString()}`);
    if (input.numbers && a.numbers.length > 0) {
      const allowed = new Set(a.numbers);
      const outside = input.numbers.filter((n) => !allowed.has(n));
      if (outside.length > 0)
        refuse(`dataset '${a.name}' is not authorised for ${outside.slice(0, 5).join(', ')}`);
    }
  }
  // Named as the store names its scope fields (QueryInputError: `scope.from`), body or query alike.
  if (from > to)
    throw new AppError('VALIDATION_FAILED', 'scope: from is after to', {
      fields: [{ path: 'scope.to', message: 'is before from' }],
    });
  const graph: GraphScope = { direction: input.direction ?? 'both' };
  if (input.minEvents !== undefined) graph.minEvents = input.minEvents;
  if (input.excludeHighDegree !== undefined) graph.excludeHighDegree = input.excludeHighDegree;
  return { from, to, numbers: input.numbers ? [...input.numbers] : null, graph };
}

/** The store scope of one dataset: the call's dates, its numbers or else the authorised ones. */
export function storeScopeOf(auth: Authorisation, scope: EffectiveScope): StoreScope {
  const numbers = scope.numbers ?? (auth.numbers.length > 0 ? [...auth.numbers] : undefined);
  return numbers ? { from: scope.from, to: scope.to, numbers } : { from: scope.from, to: scope.to };
}

/** True when the store scope is exactly the dataset's whole authorisation (the cached, snapshotted graph). */
export function isWholeAuthorisation(auth: Authorisation, scope: StoreScope): boolean {
  const sameNumbers =
    (scope.numbers ?? []).length === auth.numbers.length &&
    (scope.numbers ?? []).every((n, i) => n === auth.numbers[i]);
  return (
    scope.from?.getTime() === auth.from.getTime() && scope.to?.getTime() === auth.to.getTime() && sameNumbers
  );
}
