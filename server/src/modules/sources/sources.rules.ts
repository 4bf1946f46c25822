import type { SourceRole, StatutoryGround, Urgency } from '#shared/contracts/sources';
import { AppError } from '../../platform/errors';

// The clocks of LAW.md §1–3 as pure functions of dates and the configured values (config.ts,
// `sources`): nothing here reads the time, so every rule is tested with the instant it is given.

/** The configured rule values (config.ts `sources`; defaults from LAW.md). */
export interface SourcesRuleConfig {
  /** RIPA s.43(3): a written authorisation lasts 12 months. */
  authorisationMonths: number;
  /** SI 2000/2793 art. 6: 4 months for a juvenile. */
  juvenileAuthorisationMonths: number;
  /** RIPA s.43(3)(a): 72 hours when urgent (oral). */
  urgentHours: number;
  /** An urgent (oral) grant is written up within this many hours of the grant (LAW.md §1). */
  writeUpHours: number;
  /** s.32C: the Judicial Commissioner is notified within 7 days of a CCA's grant, renewal or cancellation. */
  ccaNoticeDays: number;
  /** LAW.md §3: the central record is kept at least 3 years after an authorisation ends. */
  retentionYears: number;
  /** Default review frequency for a juvenile (monthly) and for anyone else, in days. */
  juvenileReviewDays: number;
  reviewDays: number;
  /** An authorisation expiring within this many days raises an alert. */
  expiryWarningDays: number;
  /** Approved break-glass access to the vault lasts this long. */
  breakGlassHours: number;
  /** SI 2013/2788: an undercover deployment beyond this many months on one operation is long-term. */
  longTermUndercoverMonths: number;
  /** The statutory grounds this agency may use (RIPA s.29(3), a subset per agency). */
  allowedGrounds: readonly StatutoryGround[];
  /** Usernames of the authorising officers of the higher level (juveniles, vulnerable, privileged material). */
  seniorAuthorisingOfficers: readonly string[];
  /** Usernames of the officers designated to grant criminal conduct authorisations (s.29B). */
  ccaOfficers: readonly string[];
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY);
}

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR);
}

/** The start of the UTC day `at` falls in. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * `months` calendar months after `at` (UTC), the day clamped to the month's last: 31 January + 1
 * month is 28 (or 29) February, never 3 March.
 */
export function addMonths(at: Date, months: number): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(at.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
}

/** `YYYY-MM-DD` → its UTC midnight. */
export function dateOnly(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

/**
 * The start (UTC) of the day a person born on `dateOfBirth` turns `years`. Born on 29 February, they
 * turn it on 1 March of a common year (the anniversary that year is the day after 28 February).
 */
export function birthdayAt(dateOfBirth: string, years: number): Date {
  const born = dateOnly(dateOfBirth);
  return new Date(Date.UTC(born.getUTCFullYear() + years, born.getUTCMonth(), born.getUTCDate()));
}

/** Under 18 at `now`: the flag drops at the start of the 18th birthday. */
export function isJuvenile(dateOfBirth: string | null, now: Date): boolean {
  return dateOfBirth !== null && now < birthdayAt(dateOfBirth, 18);
}

/** Under 16 at `now` (SI 2000/2793 art. 3 and 4). */
export function isUnder16(dateOfBirth: string | null, now: Date): boolean {
  return dateOfBirth !== null && now < birthdayAt(dateOfBirth, 16);
}

/**
 * When a grant made at `grantedAt` ceases to have effect (RIPA s.43(3)): 72 hours from the grant
 * when urgent; otherwise 12 months (4 for a juvenile) "beginning with the day on which it took
 * effect" — so from the start of the grant's day (UTC), never a day late.
 */
export function grantExpiry(
  grantedAt: Date,
  terms: { urgency: Urgency; juvenile: boolean },
  config: SourcesRuleConfig,
): Date {
  if (terms.urgency === 'urgent') return addHours(grantedAt, config.urgentHours);
  return addMonths(startOfUtcDay(grantedAt), monthsFor(terms.juvenile, config));
}

/** RIPA s.43(3)-(4): a renewal runs on from the old expiry, for 12 months (4 for a juvenile). */
export function renewalExpiry(oldExpiry: Date, juvenile: boolean, config: SourcesRuleConfig): Date {
  return addMonths(oldExpiry, monthsFor(juvenile, config));
}

function monthsFor(juvenile: boolean, config: SourcesRuleConfig): number {
  return juvenile ? config.juvenileAuthorisationMonths : config.authorisationMonths;
}

/** The review frequency when the AO sets none: monthly for a juvenile (LAW.md §1). */
export function defaultReviewDays(juvenile: boolean, config: SourcesRuleConfig): number {
  return juvenile ? config.juvenileReviewDays : config.reviewDays;
}

/** s.32C: the written notice to a Judicial Commissioner is due 7 days after the event. */
export function ccaNoticeDue(eventAt: Date, config: SourcesRuleConfig): Date {
  return addDays(eventAt, config.ccaNoticeDays);
}

/** LAW.md §3: kept until at least 3 years after the authorisation ended. */
export function retainUntil(endedAt: Date, config: SourcesRuleConfig): Date {
  return addMonths(endedAt, 12 * config.retentionYears);
}

/** Whether a role's period covers `now`: from its start, until (not including) its end. */
export function isCurrent(role: { fromAt: Date; toAt: Date | null }, now: Date): boolean {
  return role.fromAt <= now && (role.toAt === null || now < role.toAt);
}

/** The roles `userId` holds on the source at `now`. */
export function currentRolesOf(
  roles: readonly { role: SourceRole; userId: string; fromAt: Date; toAt: Date | null }[],
  userId: string,
  now: Date,
): SourceRole[] {
  return roles.filter((r) => r.userId === userId && isCurrent(r, now)).map((r) => r.role);
}

/** A period of deployment: from a grant until it ended (cancelled or expired) or until now. */
export interface DeploymentPeriod {
  operation: string;
  from: Date;
  to: Date;
}

/** The operation as deployments are counted: the same words, whatever their case or spacing. */
export function operationKey(operation: string): string {
  return operation.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Cumulative days deployed on each operation (SI 2013/2788), in the order first met. */
export function deploymentDays(periods: readonly DeploymentPeriod[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of periods) {
    const key = operationKey(p.operation);
    const ms = Math.max(0, p.to.getTime() - p.from.getTime());
    totals.set(key, (totals.get(key) ?? 0) + ms);
  }
  return new Map([...totals].map(([k, ms]) => [k, Math.floor(ms / DAY)]));
}

/**
 * Would deploying for `proposedMs` more on `operation` take the officer beyond the long-term limit
 * (12 months by default; a month counted as 365.25 / 12 days)? Then a Judicial Commissioner must
 * have approved it first.
 */
export function isLongTerm(
  periods: readonly DeploymentPeriod[],
  operation: string,
  proposedMs: number,
  config: SourcesRuleConfig,
): boolean {
  const key = operationKey(operation);
  const spent = periods
    .filter((p) => operationKey(p.operation) === key)
    .reduce((sum, p) => sum + Math.max(0, p.to.getTime() - p.from.getTime()), 0);
  const limit = config.longTermUndercoverMonths * (365.25 / 12) * DAY;
  return spent + proposedMs > limit;
}

/** A refusal by rule: RULE_VIOLATION (422) naming the rule in `details.rule`. */
export function refuse(rule: string, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('RULE_VIOLATION', message, { ...details, rule });
}
