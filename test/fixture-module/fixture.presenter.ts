import type { FixtureRecordView } from './fixture.contract';
import type { Actor } from '#server/platform/auth/actor';
import { fixtureAbilitiesOf } from './fixture.policy';
import type { FixtureRecordRow } from './fixture.schema';

/**
 * Record → JSON, field by field: never a spread row, so a column added later (the ciphertext, who
 * made it) is not sent until someone decides it should be. The actor's abilities ride along.
 */
export function presentFixtureRecord(actor: Actor, row: FixtureRecordRow): FixtureRecordView {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    classification: row.classification,
    caveats: row.caveats,
    compartmentId: row.compartmentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: fixtureAbilitiesOf(actor, row),
  };
}
