import { describe, expect, it } from 'vitest';
import type { SourceFlags } from '#shared/contracts/sources';
import { deadline, flagsOf, fromNow, when } from './sources-shared';

const now = Date.parse('2026-03-14T09:00:00Z');
const none: SourceFlags = {
  juvenile: false,
  under16: false,
  vulnerable: false,
  ccaInForce: false,
  arrangementsLapsed: false,
  reviewOverdue: false,
  expiringSoon: false,
  authorisationInForce: true,
  identityRecorded: true,
  appropriateAdultRecorded: false,
};

describe('lantern sources: times and flags for a terminal', () => {
  it('says an instant in UTC and a deadline with its distance in days', () => {
    expect(when('2026-03-14T09:05:12.000Z')).toBe('2026-03-14 09:05 UTC');
    expect(when(null)).toBe('');
    expect(fromNow('2026-03-26T10:00:00Z', now)).toBe('in 12 days');
    expect(fromNow('2026-03-11T09:00:00Z', now)).toBe('3 days ago');
    expect(fromNow('2026-03-15T08:00:00Z', now)).toBe('within a day');
    expect(fromNow('2026-03-15T09:00:00Z', now)).toBe('in 1 day');
    expect(deadline(null)).toBe('');
  });

  it('names the derived flags that are set, under-16 in place of juvenile', () => {
    expect(flagsOf(none)).toBe('');
    expect(flagsOf({ ...none, juvenile: true, under16: true, reviewOverdue: true })).toBe(
      'under-16, review-overdue',
    );
  });
});
