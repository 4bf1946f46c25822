import { describe, expect, it } from 'vitest';
import type { Actor } from '#server/platform/auth/actor';
import { fixtureRecordView } from './fixture.contract';
import { presentFixtureRecord } from './fixture.presenter';
import type { FixtureRecordRow } from './fixture.schema';

const actor: Actor = {
  id: 'u1',
  username: 'u1',
  displayName: 'U1',
  roles: ['inspector'],
  clearance: 'SECRET',
  caveats: [],
  compartmentIds: new Set(['c1']),
};
const row: FixtureRecordRow = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  classification: 'OFFICIAL',
  caveats: [],
  compartmentId: 'c1',
  reference: 'REF-0001',
  title: 'Meeting note',
  secretEnc: Buffer.from('ciphertext'),
  createdBy: 'u2',
  createdAt: new Date('2026-01-02T03:04:05Z'),
  updatedAt: new Date('2026-01-03T03:04:05Z'),
};

describe('fixture presenter', () => {
  it('sends named fields and the actor’s abilities, never the ciphertext or its creator', () => {
    const view = presentFixtureRecord(actor, row);
    expect(view).toEqual({
      id: row.id,
      reference: 'REF-0001',
      title: 'Meeting note',
      classification: 'OFFICIAL',
      caveats: [],
      compartmentId: 'c1',
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-03T03:04:05.000Z',
      abilities: { update: false, delete: false, readSecret: true },
    });
    expect(JSON.stringify(view)).not.toContain('u2');
    expect(fixtureRecordView.parse(view)).toEqual(view);
  });
});
