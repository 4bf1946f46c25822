import { z } from 'zod';
import { roleSchema } from './roles';
import { pageOf } from './pagination';
import { authorisationStates, officerRef } from './sources-views';
import { sourceRoleSchema, urgencySchema } from './sources-rules';

// The sources API's answers beside the source itself: the vault, the officers who may take a role,
// the AO's queue and the central record.

const instant = z.string();
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable();

export const identityDocumentView = z.object({
  kind: z.string(),
  number: z.string(),
  issuer: maybe(z.string()),
});

/** The vault, decrypted for one audited read. `access` says whether a role or a break-glass opened it. */
export const identityView = z.object({
  identity: maybe(
    z.object({
      name: z.string(),
      dateOfBirth: z.string(),
      addresses: z.array(z.string()),
      documents: z.array(identityDocumentView),
      identitiesUsed: z.array(z.string()),
      appropriateAdult: maybe(z.string()),
    }),
  ),
  updatedAt: maybe(instant),
  access: z.enum(['role', 'break-glass']),
});
export type IdentityView = z.infer<typeof identityView>;

/**
 * Officers who may take a role on a source: cleared for its markings, holding a matching job role.
 * `mayHold`, computed by the server's rules, is the roles each may take on this source now (the
 * matching job role, not already held, the AO, handler and controller three different people).
 */
export const officerCandidate = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  mayHold: z.array(sourceRoleSchema),
});
export const officerCandidatesResponse = z.object({ items: z.array(officerCandidate) });
export type OfficerCandidatesResponse = z.infer<typeof officerCandidatesResponse>;

/** What waits for an AO's decision, oldest first, with its clock. */
export const queueItemView = z.object({
  kind: z.enum(['approach', 'application', 'renewal', 'review', 'cca']),
  id: z.string(),
  sourceId: z.string(),
  urn: z.string(),
  pseudonym: z.string(),
  authorisationId: maybe(z.string()),
  submittedAt: instant,
  submittedBy: officerRef,
  urgency: urgencySchema,
  /** The deadline the decision races: the expiry a renewal must beat, the review's due date. */
  deadline: maybe(instant),
  higherLevel: z.boolean(),
  /** Whether the actor may take this decision (level, own case, three people). */
  mayDecide: z.boolean(),
});
export type QueueItemView = z.infer<typeof queueItemView>;
export const queueResponse = z.object({ items: z.array(queueItemView) });
export type QueueResponse = z.infer<typeof queueResponse>;

/** One authorisation in the central record (LAW.md §3), kept at least 3 years after it ends. */
export const centralRecordRow = z.object({
  authorisationId: z.string(),
  sourceId: z.string(),
  urn: z.string(),
  pseudonym: z.string(),
  state: z.enum(authorisationStates),
  urgency: urgencySchema,
  grantedAt: maybe(instant),
  renewedAt: z.array(instant),
  cancelledAt: maybe(instant),
  expiresAt: maybe(instant),
  /** When it ended (cancelled or expired); null while in force. */
  endedAt: maybe(instant),
  retainUntil: maybe(instant),
  juvenile: z.boolean(),
  vulnerable: z.boolean(),
  cca: z.boolean(),
});
export type CentralRecordRow = z.infer<typeof centralRecordRow>;
export const centralRecordPage = pageOf(centralRecordRow);
export type CentralRecordPage = z.infer<typeof centralRecordPage>;
