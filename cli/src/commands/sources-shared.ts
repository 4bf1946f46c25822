import {
  type SourceFlags,
  type SourceSummaryView,
  type SourceView,
  sourcePage,
  sourceView,
} from '#shared/contracts/sources';
import type { ApiClient } from '../api/client';
import { CliError } from '../api/cli-error';
import { allPages } from './list-output';

const day = 86_400_000;

/** An instant for a terminal: `2027-03-14 09:05 UTC`; empty when there is none. */
export function when(value: string | null | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A calendar day from an instant or a date: `2027-03-14`. */
export function dayOf(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}

/** How far a deadline is from now, in whole days: `in 12 days`, `3 days ago`, `today`. */
export function fromNow(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '';
  const t = Date.parse(value);
  if (Number.isNaN(t)) return '';
  const days = Math.trunc((t - now) / day);
  if (days === 0) return t >= now ? 'within a day' : 'less than a day ago';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/** A deadline with its distance: `2027-03-14 (in 365 days)`. */
export function deadline(value: string | null | undefined): string {
  return value ? `${dayOf(value)} (${fromNow(value)})` : '';
}

const flagWords: [keyof SourceFlags, string][] = [
  ['under16', 'under-16'],
  ['juvenile', 'juvenile'],
  ['vulnerable', 'vulnerable'],
  ['ccaInForce', 'CCA'],
  ['arrangementsLapsed', 'arrangements-lapsed'],
  ['reviewOverdue', 'review-overdue'],
  ['expiringSoon', 'expiring-soon'],
];

/** The derived flags that are set, as words: `juvenile, review-overdue`. */
export function flagsOf(flags: SourceFlags): string {
  return flagWords
    .filter(([flag]) => flags[flag] && !(flag === 'juvenile' && flags.under16))
    .map(([, word]) => word)
    .join(', ');
}

/** The register's row for a table: pseudonym and URN, never more of who the source is. */
export function summaryRow(s: SourceSummaryView) {
  return {
    urn: s.urn,
    pseudonym: s.pseudonym,
    type: s.type,
    status: s.status,
    flags: flagsOf(s.flags),
    handlers: s.handlers.map((h) => h.displayName).join(', '),
    'next review': deadline(s.nextReviewDue),
    expires: deadline(s.expiresAt),
  };
}

/**
 * The source a command names by its URN, among those the user is read into. A source one is not
 * read into and one that does not exist answer alike, as the API does.
 */
export async function findSourceByUrn(client: ApiClient, urn: string): Promise<SourceView> {
  const wanted = urn.trim().toUpperCase();
  const found = (await allPages(client, '/api/sources', sourcePage, { q: urn.trim() })).find(
    (s) => s.urn.toUpperCase() === wanted,
  );
  if (!found)
    throw new CliError(
      'NOT_FOUND',
      `No source with the URN '${urn}' among those you are read into (\`lantern sources list\` lists them).`,
    );
  return client.get(`/api/sources/${found.id}`, sourceView);
}
