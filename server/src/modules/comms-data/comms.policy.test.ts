import { describe, expect, it } from 'vitest';
import type { Role } from '#shared/contracts/roles';
import type { Actor } from '../../platform/auth/actor';
import { datasetAbilities } from './comms.policy';

const actor = (roles: Role[], overrides: Partial<Actor> = {}): Actor => ({
  id: 'u1',
  username: 'u1',
  displayName: 'U1',
  roles,
  clearance: 'SECRET',
  caveats: [],
  compartmentIds: new Set(['A']),
  ...overrides,
});
const dataset = (status: 'ready' | 'importing' | 'destroyed' = 'ready') => ({
  classification: 'OFFICIAL-SENSITIVE' as const,
  caveats: [],
  compartmentId: 'A',
  status,
});

describe('what an actor may do with a dataset', () => {
  it('follows the permissions the roles grant', () => {
    expect(datasetAbilities(actor(['analyst']), dataset())).toEqual({
      analyse: true,
      import: true,
      destroy: false,
    });
    expect(datasetAbilities(actor(['comms-spoc']), dataset())).toEqual({
      analyse: true,
      import: true,
      destroy: true,
    });
    expect(datasetAbilities(actor(['designated-senior-officer']), dataset())).toEqual({
      analyse: true,
      import: false,
      destroy: true,
    });
    expect(datasetAbilities(actor(['inspector']), dataset())).toEqual({
      analyse: true,
      import: false,
      destroy: false,
    });
    expect(datasetAbilities(actor(['handler']), dataset())).toEqual({
      analyse: false,
      import: false,
      destroy: false,
    });
  });

  it('grants nothing on a dataset the actor may not see', () => {
    const none = { analyse: false, import: false, destroy: false };
    expect(datasetAbilities(actor(['comms-spoc'], { compartmentIds: new Set() }), dataset())).toEqual(none);
    expect(datasetAbilities(actor(['comms-spoc'], { clearance: 'OFFICIAL' }), dataset())).toEqual(none);
  });

  it('follows the dataset state: nothing once destroyed, no import or destruction while one runs', () => {
    const spoc = actor(['comms-spoc']);
    expect(datasetAbilities(spoc, dataset('destroyed'))).toEqual({
      analyse: false,
      import: false,
      destroy: false,
    });
    expect(datasetAbilities(spoc, dataset('importing'))).toEqual({
      analyse: true,
      import: false,
      destroy: false,
    });
  });

  it('binds the console (the operator) by the state only', () => {
    expect(datasetAbilities(null, dataset())).toEqual({ analyse: true, import: true, destroy: true });
    expect(datasetAbilities(null, dataset('destroyed'))).toEqual({
      analyse: false,
      import: false,
      destroy: false,
    });
  });
});
