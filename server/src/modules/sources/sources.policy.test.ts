import { describe, expect, it } from 'vitest';
import { sourceRules, sourceSummaryView } from '#shared/contracts/sources';
import { loadConfig } from '#server/config';
import type { Actor } from '#server/platform/auth/actor';
import { computedAlerts, type SourceFacts, sourceFlags, vaultAccess, writeUpDueAt } from './source-facts';
import { presentSourceSummary } from './sources.presenter';
import { authorisationAbilitiesOf, decisionRefusal, sourceAbilitiesOf } from './sources.policy';
import type { SourceAuthorisationRow, SourceRoleRow } from './sources.schema';

const config = { ...loadConfig({ LANTERN_ENV: 'test' }).sources, seniorAuthorisingOfficers: ['senior'] };
const now = new Date('2026-06-01T12:00:00Z');
const day = 86_400_000;

const actor = (id: string, roles: Actor['roles'], overrides: Partial<Actor> = {}): Actor => ({
  id,
  username: id,
  displayName: id,
  roles,
  clearance: 'SECRET',
  caveats: [],
  compartmentIds: new Set(['C1']),
  ...overrides,
});

const role = (
  userId: string,
  r: SourceRoleRow['role'],
  overrides: Partial<SourceRoleRow> = {},
): SourceRoleRow => ({
  id: `${userId}-${r}`,
  sourceId: 'S1',
  role: r,
  userId,
  fromAt: new Date(now.getTime() - 100 * day),
  toAt: null,
  readIn: true,
  handedOverFromId: null,
  endReason: null,
  createdBy: userId,
  createdAt: new Date(now.getTime() - 100 * day),
  ...overrides,
});

const authorisation = (overrides: Partial<SourceAuthorisationRow> = {}): SourceAuthorisationRow => ({
  id: 'A1',
  sourceId: 'S1',
  status: 'granted',
  ground: 'crime-or-disorder',
  necessity: 'n',
  proportionality: 'p',
  purpose: 'pu',
  operation: 'OP',
  conduct: 'c',
  collateralIntrusion: 'ci',
  collateralJustification: 'cj',
  expectedMaterial: 'none',
  materialDetails: null,
  urgency: 'routine',
  urgencyReason: null,
  againstParent: false,
  appliedBy: 'h',
  appliedAt: new Date(now.getTime() - 60 * day),
  authorisingOfficerId: 'ao',
  decidedBy: 'ao',
  decidedAt: new Date(now.getTime() - 59 * day),
  decisionReasons: 'r',
  grantedAt: new Date(now.getTime() - 59 * day),
  expiresAt: new Date(now.getTime() + 20 * day),
  juvenileAtGrant: false,
  vulnerableAtGrant: false,
  reviewEveryDays: 30,
  nextReviewDue: new Date(now.getTime() - 2 * day),
  cancelledAt: null,
  cancelledBy: null,
  cancellationReason: null,
  writeUp: null,
  writtenUpAt: null,
  writtenUpBy: null,
  ...overrides,
});

function facts(overrides: Partial<SourceFacts> = {}): SourceFacts {
  return {
    source: {
      id: 'S1',
      classification: 'SECRET',
      caveats: [],
      compartmentId: 'C1',
      urn: 'SRC-2026-0001',
      pseudonym: 'KESTREL',
      type: 'member-of-public',
      status: 'authorised',
      statusChangedAt: now,
      statusReason: null,
      vulnerable: false,
      expiresAt: null,
      nextReviewDue: null,
      createdBy: 'h',
      createdAt: now,
      updatedAt: now,
    },
    roles: [
      role('h', 'handler'),
      role('c', 'controller'),
      role('k', 'record-keeper'),
      role('ao', 'authorising-officer'),
    ],
    authorisations: [authorisation()],
    renewals: [],
    reviews: [],
    judicialApprovals: [],
    ccas: [],
    notices: [],
    assessments: [],
    breakGlass: [],
    approachRequests: [],
    eventAlerts: [],
    identity: { recorded: true, appropriateAdultRecorded: false, dateOfBirth: '1990-01-01' },
    ...overrides,
  };
}

const p = (a: Actor) => ({ actor: a, now, config });

describe('who may do what with a source', () => {
  it('gives the administrator nothing, even read into the compartment', () => {
    expect(Object.values(sourceAbilitiesOf(facts(), p(actor('admin', ['admin']))))).not.toContain(true);
  });

  it('gives an officer not read in nothing, whatever their roles on the source', () => {
    const outside = actor('h', ['handler'], { compartmentIds: new Set() });
    expect(Object.values(sourceAbilitiesOf(facts(), p(outside)))).not.toContain(true);
  });

  it('lets the inspector read the record but change nothing, and not open the vault', () => {
    const abilities = sourceAbilitiesOf(facts(), p(actor('i', ['inspector'])));
    expect(Object.values(abilities)).not.toContain(true);
  });

  it('opens the vault to the handler, controller and AO; the record keeper may only ask to break glass', () => {
    for (const [id, roles] of [
      ['h', ['handler']],
      ['c', ['controller']],
      ['ao', ['authorising-officer']],
    ] as const)
      expect(sourceAbilitiesOf(facts(), p(actor(id, [...roles]))).readIdentity).toBe(true);
    const keeper = sourceAbilitiesOf(facts(), p(actor('k', ['record-keeper'])));
    expect(keeper).toMatchObject({ readIdentity: false, requestBreakGlass: true });
  });

  it('opens the vault by break-glass only once approved, and only inside its time box', () => {
    const request = {
      id: 'B1',
      sourceId: 'S1',
      requestedBy: 'k',
      requestedAt: now,
      reason: 'r',
      status: 'approved' as const,
      decidedBy: 'c',
      decidedAt: now,
      reasons: null,
      expiresAt: new Date(now.getTime() + day),
    };
    expect(vaultAccess(facts({ breakGlass: [request] }), 'k', now)).toBe('break-glass');
    expect(vaultAccess(facts({ breakGlass: [request] }), 'k', new Date(now.getTime() + day))).toBeNull();
    expect(vaultAccess(facts({ breakGlass: [{ ...request, status: 'requested' }] }), 'k', now)).toBeNull();
  });

  it('refuses an AO their own case, and a juvenile case to an AO below the higher level', () => {
    const handlerAo = actor('h', ['handler', 'authorising-officer']);
    expect(decisionRefusal(facts(), authorisation(), p(handlerAo))?.details?.rule).toBe(sourceRules.ownCase);
    const juvenile = facts({
      identity: { recorded: true, appropriateAdultRecorded: true, dateOfBirth: '2011-01-01' },
    });
    const standard = actor('ao', ['authorising-officer']);
    expect(decisionRefusal(juvenile, authorisation(), p(standard))?.details?.rule).toBe(
      sourceRules.authorisationLevel,
    );
    expect(
      decisionRefusal(juvenile, authorisation(), p(actor('senior', ['authorising-officer']))),
    ).toBeNull();
    const privileged = authorisation({ expectedMaterial: 'legally-privileged' });
    expect(decisionRefusal(facts(), privileged, p(standard))?.details?.rule).toBe(
      sourceRules.authorisationLevel,
    );
  });
});

describe('derived flags and alerts', () => {
  it('derives juvenile, under-16, review overdue and expiry from the record and the clock', () => {
    const young = facts({
      identity: { recorded: true, appropriateAdultRecorded: true, dateOfBirth: '2011-03-01' },
    });
    expect(sourceFlags(young, now, config)).toMatchObject({
      juvenile: true,
      under16: true,
      reviewOverdue: true,
      expiringSoon: true,
      authorisationInForce: true,
      arrangementsLapsed: false,
    });
  });

  it('flags lapsed arrangements when the controller period has ended', () => {
    const ended = facts({
      roles: [role('h', 'handler'), { ...role('c', 'controller'), toAt: new Date(now.getTime() - day) }],
    });
    expect(sourceFlags(ended, now, config).arrangementsLapsed).toBe(true);
    expect(computedAlerts(ended, now, config).map((a) => a.kind)).toContain('arrangements-lapsed');
  });

  it('alerts on expiry within 30 days, an overdue review and a CCA notice not yet given', () => {
    const notice = {
      id: 'N1',
      sourceId: 'S1',
      ccaId: 'X1',
      event: 'grant' as const,
      eventAt: now,
      dueAt: new Date(now.getTime() + 7 * day),
      notifiedAt: null,
      reference: null,
      recordedBy: null,
    };
    const kinds = computedAlerts(facts({ notices: [notice] }), now, config).map((a) => a.kind);
    expect(kinds).toEqual(['review-overdue', 'cca-notice-due', 'authorisation-expiring']);
  });

  it('keeps an urgent oral grant on a write-up clock until its AO writes it up (72 hours by default)', () => {
    const grantedAt = new Date('2026-06-01T10:00:00Z');
    const urgent = authorisation({
      urgency: 'urgent',
      grantedAt,
      expiresAt: new Date('2026-06-04T10:00:00Z'),
      nextReviewDue: null,
    });
    expect(writeUpDueAt(urgent, config)?.toISOString()).toBe('2026-06-04T10:00:00.000Z');
    expect(writeUpDueAt(urgent, { writeUpHours: 24 })?.toISOString()).toBe('2026-06-02T10:00:00.000Z');
    expect(writeUpDueAt(authorisation(), config)).toBeNull();
    const at = (iso: string) => computedAlerts(facts({ authorisations: [urgent] }), new Date(iso), config);
    const alert = at('2026-06-01T12:00:00Z').find((a) => a.kind === 'write-up-due')!;
    expect(alert.at.toISOString()).toBe('2026-06-04T10:00:00.000Z');
    expect(alert.message).toContain('is due by 2026-06-04 10:00 UTC');
    // Past its clock (and past the grant's own 72 hours) it is still owed, and says so.
    expect(at('2026-06-05T00:00:00Z').find((a) => a.kind === 'write-up-due')!.message).toContain('was due');
    const written = authorisation({ ...urgent, writeUp: 'w', writtenUpAt: now, writtenUpBy: 'ao' });
    expect(
      computedAlerts(facts({ authorisations: [written] }), now, config).map((a) => a.kind),
    ).not.toContain('write-up-due');
    // Only the AO who granted it orally may write it up.
    expect(authorisationAbilitiesOf(facts(), urgent, p(actor('ao', ['authorising-officer']))).writeUp).toBe(
      true,
    );
    expect(authorisationAbilitiesOf(facts(), urgent, p(actor('ao2', ['authorising-officer']))).writeUp).toBe(
      false,
    );
    expect(authorisationAbilitiesOf(facts(), written, p(actor('ao', ['authorising-officer']))).writeUp).toBe(
      false,
    );
  });

  it('presents the register row from the facts: pseudonym and flags, never the date of birth', () => {
    const view = presentSourceSummary(
      facts(),
      new Map([['h', { id: 'h', displayName: 'Sam' }]]),
      p(actor('h', ['handler'])),
    );
    expect(sourceSummaryView.parse(view)).toEqual(view);
    expect(view.handlers).toEqual([{ id: 'h', displayName: 'Sam' }]);
    expect(JSON.stringify(view)).not.toContain('1990-01-01');
  });
});
