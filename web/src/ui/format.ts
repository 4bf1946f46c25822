/**
 * The one rule for showing dates and times in the web app (CONVENTIONS.md rule 15): every table,
 * input and bar formats through here, so a screen never shows the browser's locale beside another's.
 * en-GB unless configured: a build sets `VITE_LANTERN_LOCALE` (and `VITE_LANTERN_TIME_ZONE`), a user's
 * browser may set `lantern.locale` / `lantern.timeZone` in local storage, which wins. The same locale
 * drives React Aria's date pickers (I18nProvider in main.tsx).
 */
export const defaultLocale = 'en-GB';
export const localeStorageKey = 'lantern.locale';
export const timeZoneStorageKey = 'lantern.timeZone';

export interface FormatSettings {
  locale: string;
  /** IANA zone; the browser's own when not configured. */
  timeZone: string;
}

export interface SettingCandidates {
  stored?: string | null;
  build?: string | null;
  storedTimeZone?: string | null;
  buildTimeZone?: string | null;
  /** The zone to fall back to (the browser's). */
  systemTimeZone: string;
}

function isLocale(tag: string | null | undefined): tag is string {
  if (!tag) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Pure: the stored setting if usable, else the build's, else en-GB (and the system zone). */
export function resolveSettings(c: SettingCandidates): FormatSettings {
  const locale = [c.stored, c.build].find(isLocale) ?? defaultLocale;
  const timeZone = [c.storedTimeZone, c.buildTimeZone].find(isTimeZone) ?? c.systemTimeZone;
  return { locale, timeZone };
}

function readStored(key: string): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

function readSettings(): FormatSettings {
  const env = (import.meta as ImportMeta & { env?: Record<string, string | undefined> }).env ?? {};
  return resolveSettings({
    stored: readStored(localeStorageKey),
    build: env.VITE_LANTERN_LOCALE,
    storedTimeZone: readStored(timeZoneStorageKey),
    buildTimeZone: env.VITE_LANTERN_TIME_ZONE,
    systemTimeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
}

export type DateInput = string | number | Date;

function toDate(value: DateInput): Date | undefined {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The formatters of one setting. Unparseable text is shown as given (other input as a dash), never "Invalid Date". */
export function createFormatter(settings: FormatSettings) {
  const make = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone, ...options });
  const formats = {
    date: make({ day: 'numeric', month: 'short', year: 'numeric' }),
    dateTime: make({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    dateTimeSeconds: make({
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }),
    longDate: make({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
  };
  const use = (format: Intl.DateTimeFormat) => (value: DateInput) => {
    const date = toDate(value);
    if (date) return format.format(date);
    return typeof value === 'string' ? value : '—';
  };
  return {
    settings,
    /** 14 Mar 2026 */
    date: use(formats.date),
    /** 14 Mar 2026, 09:05 */
    dateTime: use(formats.dateTime),
    /** 14 Mar 2026, 09:05:12 — for records where the second matters (audit). */
    dateTimeSeconds: use(formats.dateTimeSeconds),
    /** Saturday 14 March 2026 */
    longDate: use(formats.longDate),
  };
}

export type Formatter = ReturnType<typeof createFormatter>;

/** The app's formatter, read once at start from the build and the browser's stored setting. */
export const format: Formatter = createFormatter(readSettings());

/** An instant as the API takes it (ISO 8601, UTC); a wire format, not for display. */
export function toApiInstant(date: Date): string {
  return date.toISOString();
}
