import { randomBytes, randomUUID } from 'node:crypto';
import type { Classification } from '#shared/contracts/markings';
import type { Role } from '#shared/contracts/roles';
import type {
  ApplicationInput,
  ApproachRequestInput,
  IdentityInput,
  SourceType,
} from '#shared/contracts/sources';
import { applicationBody, identityBody } from '#shared/contracts/sources';
import type { AppContext } from '../../app-context';
import { compartmentIdsOf } from '../../platform/access/access.repo';
import type { Actor } from '../../platform/auth/actor';
import type { UserRow } from '../../platform/auth/auth.schema';
import { buildUser } from '../../platform/auth/user.factory';
import type { Clock } from '../../platform/clock';
import type { UserScope } from '../../platform/request-scope';
import type { SourceResult } from './source-state';
import { isJuvenile } from './sources.rules';
import { applyForAuthorisation } from './use-cases/apply-authorisation';
import { decideApproach, recordRecruitment, requestApproach } from './use-cases/approach-and-recruitment';
import { createSource } from './use-cases/create-source';
import { decideAuthorisation } from './use-cases/decide-authorisation';
import { writeIdentity } from './use-cases/identity';
import { recordAssessment } from './use-cases/record-details';
import { assignRole } from './use-cases/roles';

// Builders that make real sources through the module's own use cases (so a factory-made source is
// encrypted, audited and checked by every rule like one made over the API), creating the officers
// it needs unless the test passes its own. Tests and the demo share them (CONVENTIONS rule 7).

/**
 * The approach requested by a handler and approved by an AO (LAW.md §1: "Approaching a prospect
 * needs an internal approval first"), through the two use cases.
 */
export async function approachApproved(
  ctx: AppContext,
  handler: UserScope,
  ao: UserScope,
  id: string,
  input: ApproachRequestInput = {
    rationale: 'Placed to report on the group.',
    risk: 'Moderate: known to associate with the group.',
    bonaFides: 'A phrase agreed in advance, checkable by telephone.',
  },
): Promise<SourceResult> {
  const requested = await requestApproach(ctx, handler, id, input);
  const request = requested.state.approachRequests.find((r) => r.status === 'requested')!;
  return decideApproach(ctx, ao, id, request.id, {
    decision: 'approve',
    reasons: 'The approach is justified and its risk is managed.',
  });
}

/** The scope `user` acts in now: their roles, markings and the compartments they are read into. */
export async function scopeFor(ctx: AppContext, user: UserRow, clock: Clock = ctx.clock): Promise<UserScope> {
  const actor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    clearance: user.clearance as Classification,
    caveats: user.caveats,
    compartmentIds: await compartmentIdsOf(ctx.database.db, user.id),
  };
  return { actor, requestId: randomUUID(), clock };
}

/** An officer holding `role`, cleared for the markings the sources module's tests use. */
export function buildOfficer(
  ctx: AppContext,
  role: Role,
  overrides: {
    username?: string;
    displayName?: string;
    caveats?: string[];
    clearance?: Classification;
    password?: string;
  } = {},
): Promise<UserRow> {
  return buildUser(ctx.database.db, {
    roles: [role],
    ...(overrides.password ? { password: overrides.password } : {}),
    clearance: overrides.clearance ?? 'TOP SECRET',
    caveats: overrides.caveats ?? [],
    ...(overrides.username ? { username: overrides.username } : {}),
    ...(overrides.displayName ? { displayName: overrides.displayName } : {}),
  });
}

export interface SourcePeople {
  handler: UserRow;
  controller: UserRow;
  recordKeeper: UserRow;
  ao: UserRow;
}

export type SourceStage = 'prospect' | 'approach-approved' | 'recruited' | 'applied' | 'authorised';
const stages: SourceStage[] = ['prospect', 'approach-approved', 'recruited', 'applied', 'authorised'];

export interface SourceOverrides {
  people?: Partial<SourcePeople>;
  classification?: Classification;
  caveats?: string[];
  pseudonym?: string;
  type?: SourceType;
  /** The vault (default: a made-up adult identity); `false` leaves it empty. */
  identity?: Partial<IdentityInput> | false;
  /** Records a vulnerability assessment saying so. */
  vulnerable?: boolean;
  /** Records an enhanced risk assessment (default: when the source is a juvenile). */
  enhancedRisk?: boolean;
  /** How far to take the source (default: authorised). */
  stage?: SourceStage;
  application?: Partial<ApplicationInput>;
  reviewEveryDays?: number;
  /** The clock the steps run at (default the app's); one that can advance moves `stepMs` between steps. */
  clock?: Clock & { advance?(ms: number): void };
  stepMs?: number;
}

export interface BuiltSource {
  id: string;
  people: SourcePeople;
  /** The application made at stage `applied` or `authorised`. */
  authorisationId: string | null;
  result: SourceResult;
}

/** A pseudonym nobody else's tests use. */
export function pseudonymOf(prefix = 'SOURCE'): string {
  return `${prefix} ${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** A made-up identity: an adult unless `dateOfBirth` says otherwise. */
export function identityOf(overrides: Partial<IdentityInput> = {}) {
  return identityBody.parse({
    name: `Test Person ${randomBytes(2).toString('hex')}`,
    dateOfBirth: '1985-04-12',
    addresses: ['1 Example Street, Testtown'],
    documents: [{ kind: 'passport', number: `P${randomBytes(4).toString('hex')}` }],
    identitiesUsed: [],
    ...overrides,
  });
}

/** A complete application: every field the law asks for. */
export function applicationOf(overrides: Partial<ApplicationInput> = {}) {
  return applicationBody.parse({
    ground: 'crime-or-disorder',
    necessity: 'The information cannot be obtained by less intrusive means.',
    proportionality: 'The tasking is limited to the group and the period named.',
    purpose: 'To report on the supply of firearms in the area.',
    operation: 'OPERATION TEST',
    conduct: 'Maintain the existing relationship with members of the group and report.',
    collateralIntrusion: 'Family members may be present at meetings.',
    collateralJustification: 'Meetings are planned away from the home.',
    ...overrides,
  });
}

/**
 * One source taken through its life to `stage`, by its own use cases: registered by its handler,
 * a controller, a record keeper and an authorising officer given their roles, the vault written,
 * the approach approved, the recruitment recorded, an application made and granted.
 */
export async function buildSource(ctx: AppContext, overrides: SourceOverrides = {}): Promise<BuiltSource> {
  const clock = overrides.clock ?? ctx.clock;
  const step = () =>
    overrides.stepMs && overrides.clock?.advance ? overrides.clock.advance(overrides.stepMs) : undefined;
  const caveats = overrides.caveats ?? [];
  const officer = (role: Role) => buildOfficer(ctx, role, { caveats });
  const people: SourcePeople = {
    handler: overrides.people?.handler ?? (await officer('handler')),
    controller: overrides.people?.controller ?? (await officer('controller')),
    recordKeeper: overrides.people?.recordKeeper ?? (await officer('record-keeper')),
    ao: overrides.people?.ao ?? (await officer('authorising-officer')),
  };
  const as = (user: UserRow) => scopeFor(ctx, user, clock);
  const upTo = stages.indexOf(overrides.stage ?? 'authorised');
  let result = await createSource(ctx, await as(people.handler), {
    classification: overrides.classification ?? 'SECRET',
    caveats,
    pseudonym: overrides.pseudonym ?? pseudonymOf(),
    type: overrides.type ?? 'member-of-public',
  });
  const id = result.state.source.id;
  const give = async (role: 'controller' | 'record-keeper' | 'authorising-officer', user: UserRow) => {
    result = await assignRole(ctx, await as(people.handler), id, { role, userId: user.id });
  };
  await give('controller', people.controller);
  await give('record-keeper', people.recordKeeper);
  await give('authorising-officer', people.ao);
  let dateOfBirth: string | null = null;
  if (overrides.identity !== false) {
    const identity = identityOf(overrides.identity);
    dateOfBirth = identity.dateOfBirth;
    result = await writeIdentity(ctx, await as(people.handler), id, identity);
  }
  const assess = async (kind: 'vulnerability' | 'enhanced-risk', vulnerable: boolean) => {
    result = await recordAssessment(ctx, await as(people.handler), id, {
      kind,
      summary:
        kind === 'vulnerability'
          ? 'Assessed for vulnerability.'
          : 'Physical and psychological welfare assessed.',
      vulnerable,
      explainedToSource: true,
    });
  };
  if (overrides.vulnerable) await assess('vulnerability', true);
  if (overrides.enhancedRisk ?? isJuvenile(dateOfBirth, clock.now())) await assess('enhanced-risk', false);
  let authorisationId: string | null = null;
  if (upTo >= 1) {
    step();
    result = await approachApproved(ctx, await as(people.handler), await as(people.ao), id);
  }
  if (upTo >= 2) {
    step();
    result = await recordRecruitment(ctx, await as(people.handler), id, {
      recruitedOn: clock.now().toISOString().slice(0, 10),
      circumstances: 'Met after the approach at a neutral venue.',
      motivation: '"I want the violence on my street to stop."',
      volunteers: true,
    });
  }
  if (upTo >= 3) {
    step();
    result = await applyForAuthorisation(
      ctx,
      await as(people.handler),
      id,
      applicationOf(overrides.application),
    );
    authorisationId = result.state.authorisations.find((a) => a.status === 'applied')!.id;
  }
  if (upTo >= 4) {
    step();
    result = await decideAuthorisation(ctx, await as(people.ao), id, authorisationId!, {
      decision: 'grant',
      reasons: 'Necessary and proportionate for the reasons given.',
      ...(overrides.reviewEveryDays ? { reviewEveryDays: overrides.reviewEveryDays } : {}),
    });
  }
  return { id, people, authorisationId, result };
}
