import { type Classification, classificationRank } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

/** What every protected record carries: its marking and the compartment it lives in. */
export interface ProtectedRecord {
  classification: Classification;
  caveats: readonly string[];
  compartmentId: string;
}

export type RecordAction = 'read' | 'read-sensitive' | 'update' | 'delete' | 'export';

// Small pure predicates; authorize() composes them. Each is tested on its own.

export function holdsClearance(
  actor: Pick<Actor, 'clearance'>,
  record: Pick<ProtectedRecord, 'classification'>,
) {
  return classificationRank(actor.clearance) >= classificationRank(record.classification);
}

export function holdsCaveats(actor: Pick<Actor, 'caveats'>, record: Pick<ProtectedRecord, 'caveats'>) {
  return record.caveats.every((caveat) => actor.caveats.includes(caveat));
}

export function isReadInto(
  actor: Pick<Actor, 'compartmentIds'>,
  record: Pick<ProtectedRecord, 'compartmentId'>,
) {
  return actor.compartmentIds.has(record.compartmentId);
}

/** Need-to-know: the actor holds every marking on the record and is in its compartment. */
export function canSee(actor: Actor, record: ProtectedRecord): boolean {
  return holdsClearance(actor, record) && holdsCaveats(actor, record) && isReadInto(actor, record);
}

/** Named in `details.rule` when a record would be marked beyond what its creator holds. */
export const MARK_WITHIN_CLEARANCE_RULE =
  "need-to-know: a record cannot be marked above its creator's clearance";

/**
 * Need-to-know: a record cannot be marked above its creator's clearance, nor with a caveat they do
 * not hold — they could not see what they had just made. The comparisons are `canSee`'s own.
 * Refused as VALIDATION_FAILED naming the field (`classification`, `caveats`) and the rule.
 */
export function assertMayMark(
  creator: Pick<Actor, 'clearance' | 'caveats'>,
  marking: Pick<ProtectedRecord, 'classification' | 'caveats'>,
): void {
  const fields: { path: string; message: string }[] = [];
  if (!holdsClearance(creator, marking))
    fields.push({
      path: 'classification',
      message: `${marking.classification} is above your clearance (${creator.clearance})`,
    });
  if (!holdsCaveats(creator, marking)) {
    const missing = marking.caveats.filter((caveat) => !creator.caveats.includes(caveat));
    fields.push({ path: 'caveats', message: `you do not hold ${missing.join(', ')}` });
  }
  if (fields.length === 0) return;
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `${MARK_WITHIN_CLEARANCE_RULE} (${summary}).`, {
    fields,
    rule: MARK_WITHIN_CLEARANCE_RULE,
  });
}

/** The inspector reads everything they are read into but changes nothing. */
const readOnlyRoles: readonly Role[] = ['inspector'];

export function mayChange(actor: Pick<Actor, 'roles'>): boolean {
  return !actor.roles.every((role) => readOnlyRoles.includes(role));
}

export type Decision = { allowed: true } | { allowed: false; visible: boolean; reason: string };

/** Pure decision; `authorize` turns it into the right error. */
export function decide(actor: Actor, action: RecordAction, record: ProtectedRecord): Decision {
  if (!canSee(actor, record)) return { allowed: false, visible: false, reason: 'not visible' };
  if ((action === 'update' || action === 'delete') && !mayChange(actor)) {
    return { allowed: false, visible: true, reason: 'the inspector role is read-only' };
  }
  return { allowed: true };
}

/**
 * The one gate for record-level access. A record the actor may not see is reported exactly like
 * one that does not exist (404); a visible record they may not act on is 403.
 */
export function authorize(
  actor: Actor,
  action: RecordAction,
  record: ProtectedRecord,
  what = 'Record',
): void {
  const decision = decide(actor, action, record);
  if (decision.allowed) return;
  if (!decision.visible) throw AppError.notFound(what);
  throw new AppError('FORBIDDEN', `You may not ${action} this ${what.toLowerCase()}: ${decision.reason}.`);
}
