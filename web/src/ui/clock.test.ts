import { describe, expect, it } from 'vitest';
import { readClock } from './clock';

const now = new Date('2026-03-14T09:00:00Z');
const at = (iso: string) => readClock(iso, now, { locale: 'en-GB', warnWithinDays: 30 });

describe('readClock: a deadline against now', () => {
  it('says how far off it is in the unit that reads naturally', () => {
    expect(at('2026-03-14T09:20:00Z').relative).toBe('in 20 minutes');
    expect(at('2026-03-15T14:00:00Z').relative).toBe('in 29 hours');
    expect(at('2026-03-26T10:00:00Z').relative).toBe('in 12 days');
    expect(at('2026-07-14T09:00:00Z').relative).toBe('in 4 months');
    expect(at('2027-03-14T00:00:00Z').relative).toBe('in 12 months');
    expect(at('2026-03-11T09:00:00Z').relative).toBe('3 days ago');
    expect(at('2026-03-14T09:00:20Z').relative).toBe('now');
  });

  it('is calm well ahead, warns within the warning period, and is red once passed', () => {
    expect(at('2026-07-14T09:00:00Z')).toMatchObject({ tone: 'neutral', passed: false });
    expect(at('2026-04-13T09:00:00Z')).toMatchObject({ tone: 'warning', passed: false });
    expect(at('2026-03-14T08:59:00Z')).toMatchObject({ tone: 'danger', passed: true });
    expect(readClock('2026-03-15T09:00:00Z', now).tone).toBe('neutral');
  });

  it('takes a Date as well as an ISO instant', () => {
    expect(readClock(new Date('2026-03-17T09:00:00Z'), now, { locale: 'en-GB' }).relative).toBe('in 3 days');
  });
});
