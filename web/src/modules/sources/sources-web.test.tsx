import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuthorisationView, SourceFlags, SourceView } from '#shared/contracts/sources';
import { findDecisionItem, mayDecide } from './decision-item';
import { FlagList } from './source-flags';
import { SourceOverview } from './source-overview';
import { sourcesSearch } from './sources-search';
import { sourcesQuery } from './sources.api';

const officer = { id: 'u-1', displayName: 'Sam Carter' };
const noFlags: SourceFlags = {
  juvenile: false,
  under16: false,
  vulnerable: false,
  ccaInForce: false,
  arrangementsLapsed: false,
  reviewOverdue: false,
  expiringSoon: false,
  authorisationInForce: false,
  identityRecorded: false,
  appropriateAdultRecorded: false,
};
const noAbilities = {
  update: false,
  readIdentity: false,
  writeIdentity: false,
  assignRoles: false,
  handOver: false,
  requestApproach: false,
  recordRecruitment: false,
  apply: false,
  applyCca: false,
  suspend: false,
  resume: false,
  cancel: false,
  close: false,
  requestBreakGlass: false,
};

function authorisation(overrides: Partial<AuthorisationView> = {}): AuthorisationView {
  return {
    id: 'a-1',
    state: 'granted',
    inForce: true,
    ground: 'crime-or-disorder',
    necessity: 'n',
    proportionality: 'p',
    purpose: 'p',
    operation: 'Op TEST',
    conduct: 'c',
    collateralIntrusion: 'c',
    collateralJustification: 'j',
    expectedMaterial: 'none',
    materialDetails: null,
    urgency: 'routine',
    urgencyReason: null,
    againstParent: false,
    appliedAt: '2026-01-01T09:00:00Z',
    appliedBy: officer,
    authorisingOfficer: null,
    higherLevel: false,
    decidedAt: null,
    decidedBy: null,
    decisionReasons: null,
    grantedAt: null,
    expiresAt: null,
    juvenileAtGrant: false,
    vulnerableAtGrant: false,
    reviewEveryDays: null,
    nextReviewDue: null,
    reviewOverdue: false,
    cancelledAt: null,
    cancelledBy: null,
    cancellationReason: null,
    writeUpDueAt: null,
    writtenUpAt: null,
    writtenUpBy: null,
    writeUp: null,
    renewals: [],
    reviews: [],
    judicialApprovals: [],
    abilities: { decide: false, review: false, renew: false, recordJudicialApproval: false, writeUp: false },
    ...overrides,
  };
}

function source(overrides: Partial<SourceView> = {}): SourceView {
  return {
    id: 's-1',
    urn: 'SRC-2026-0001',
    pseudonym: 'HERON',
    type: 'member-of-public',
    status: 'prospect',
    classification: 'SECRET',
    caveats: [],
    compartmentId: 'c-1',
    flags: noFlags,
    expiresAt: null,
    nextReviewDue: null,
    handlers: [officer],
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    abilities: noAbilities,
    roles: [],
    authorities: [],
    approach: null,
    approachRequests: [],
    recruitment: null,
    assessments: [],
    authorisations: [],
    ccas: [],
    breakGlass: [],
    alerts: [],
    deployments: [],
    closedReason: null,
    ...overrides,
  };
}

describe('the decision screen finds what the queue names', () => {
  const renewal = {
    id: 'r-1',
    authorisationId: 'a-1',
    state: 'applied' as const,
    justification: 'j',
    appliedAt: '2026-02-01T09:00:00Z',
    appliedBy: officer,
    decidedAt: null,
    decidedBy: null,
    reasons: null,
    previousExpiry: null,
    newExpiry: null,
    abilities: { decide: true },
  };
  const s = source({ authorisations: [authorisation({ renewals: [renewal] })] });

  it('a request to approach, an application, a renewal within its authorisation, or nothing', () => {
    const request = {
      id: 'q-1',
      state: 'requested' as const,
      approachingOfficer: officer,
      rationale: 'w',
      risk: 'r',
      bonaFides: 'b',
      requestedAt: '2026-02-01T09:00:00Z',
      requestedBy: officer,
      decidedAt: null,
      decidedBy: null,
      reasons: null,
      abilities: { decide: true },
    };
    const prospect = source({ approachRequests: [request] });
    expect(findDecisionItem(prospect, 'q-1')).toMatchObject({ kind: 'approach', request: { id: 'q-1' } });
    expect(mayDecide(findDecisionItem(prospect, 'q-1')!)).toBe(true);
    expect(findDecisionItem(s, 'a-1')).toMatchObject({ kind: 'application' });
    expect(findDecisionItem(s, 'r-1')).toMatchObject({ kind: 'renewal', authorisation: { id: 'a-1' } });
    expect(findDecisionItem(s, 'gone')).toBeUndefined();
  });

  it('offers the decision only where the record’s abilities allow it', () => {
    expect(mayDecide(findDecisionItem(s, 'r-1')!)).toBe(true);
    expect(mayDecide(findDecisionItem(s, 'a-1')!)).toBe(false);
  });
});

describe('a source’s page shows what its abilities allow, never what a role would', () => {
  const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

  it('offers the request to approach only to one who may make it', () => {
    expect(buttons(renderToStaticMarkup(<SourceOverview source={source()} />))).toEqual([]);
    const keeperOfProspect = source({ abilities: { ...noAbilities, requestApproach: true } });
    expect(buttons(renderToStaticMarkup(<SourceOverview source={keeperOfProspect} />))).toEqual([
      'Request approval to approach',
    ]);
    const keeper = source({
      status: 'approach-approved',
      abilities: { ...noAbilities, update: true, recordRecruitment: true },
    });
    expect(buttons(renderToStaticMarkup(<SourceOverview source={keeper} />))).toEqual([
      'Record the recruitment',
      'Add another authority',
      'Record an assessment',
    ]);
  });

  it('shows the derived flags, under-16 in place of juvenile, and warns of a missing appropriate adult', () => {
    const child = source({ flags: { ...noFlags, juvenile: true, under16: true, reviewOverdue: true } });
    const html = renderToStaticMarkup(<SourceOverview source={child} />);
    expect(html).toContain('Under 16');
    expect(html).not.toContain('>Juvenile<');
    expect(html).toContain('No appropriate adult recorded');
    expect(renderToStaticMarkup(<FlagList flags={noFlags} empty="None" />)).toContain('None');
  });
});

describe('the register’s URL state', () => {
  it('keeps a status and a sort the contract knows, and drops what it does not', () => {
    expect(sourcesSearch.schema.parse({ status: 'authorised', sort: 'nextReviewDue' })).toMatchObject({
      status: 'authorised',
      sort: 'nextReviewDue',
    });
    expect(sourcesSearch.schema.parse({ status: 'asleep', sort: 'name' })).toEqual({
      limit: 25,
      offset: 0,
      sort: 'urn',
    });
  });

  it('keeps the next-review, expiry and flag filters in the URL, dropping what the contract refuses', () => {
    expect(
      sourcesSearch.schema.parse({
        flag: 'juvenile',
        reviewDueBefore: '2026-04-01',
        expiresBefore: '2026-13-01',
      }),
    ).toEqual({ limit: 25, offset: 0, sort: 'urn', flag: 'juvenile', reviewDueBefore: '2026-04-01' });
    expect(sourcesSearch.schema.parse({ flag: 'asleep' }).flag).toBeUndefined();
    expect(
      sourcesQuery({ limit: 25, offset: 0, sort: 'urn', flag: 'cca', expiresBefore: '2026-05-01' }).queryKey,
    ).toContainEqual(expect.objectContaining({ flag: 'cca', expiresBefore: '2026-05-01' }));
  });
});
