import { describe, expect, it } from 'vitest';
import { createFormatter, defaultLocale, resolveSettings } from './format';

const system = { systemTimeZone: 'Europe/London' };

describe('resolveSettings', () => {
  it('is en-GB in the system zone unless configured', () => {
    expect(resolveSettings(system)).toEqual({ locale: defaultLocale, timeZone: 'Europe/London' });
  });

  it("takes the browser's stored setting over the build's, and ignores unusable values", () => {
    expect(resolveSettings({ ...system, stored: 'en-US', build: 'fr-FR' }).locale).toBe('en-US');
    expect(resolveSettings({ ...system, stored: 'not a locale!', build: 'fr-FR' }).locale).toBe('fr-FR');
    expect(resolveSettings({ ...system, stored: '', build: undefined }).locale).toBe('en-GB');
    expect(
      resolveSettings({ ...system, storedTimeZone: 'Mars/Olympus', buildTimeZone: 'UTC' }).timeZone,
    ).toBe('UTC');
  });
});

describe('createFormatter', () => {
  const at = '2026-03-14T09:05:12Z';

  it('formats dates and times in en-GB: day before month, 24-hour clock', () => {
    const f = createFormatter({ locale: 'en-GB', timeZone: 'UTC' });
    expect(f.date(at)).toBe('14 Mar 2026');
    expect(f.dateTime(at)).toBe('14 Mar 2026, 09:05');
    expect(f.dateTimeSeconds(at)).toBe('14 Mar 2026, 09:05:12');
    expect(f.longDate(at)).toMatch(/^Saturday,? 14 March 2026$/);
  });

  it('follows the configured locale and zone', () => {
    const f = createFormatter({ locale: 'en-US', timeZone: 'America/New_York' });
    expect(f.date(at)).toBe('Mar 14, 2026');
    expect(f.dateTime(at)).toMatch(/^Mar 14, 2026, 0?5:05\sAM$/);
  });

  it('shows what it cannot parse as given, never "Invalid Date"', () => {
    const f = createFormatter({ locale: 'en-GB', timeZone: 'UTC' });
    expect(f.dateTime('yesterday-ish')).toBe('yesterday-ish');
    expect(f.date(new Date(Number.NaN))).toBe('—');
  });
});
