import { z } from 'zod';

const eventType = z.enum(['voice', 'sms', 'data', 'message']);

/** A column by header name, or by 1-based position for headerless files. */
const columnRef = z.union([z.string().min(1, 'a column name cannot be empty'), z.number().int().min(1)], {
  error: 'a column name, or a 1-based column position for a headerless file',
});

const typeCode = z.union([
  eventType,
  z
    .object({
      type: eventType,
      /** Which party the cell/IMEI/IMSI of this record locate ('a' by default; 'b' for e.g. MTC). */
      served: z.enum(['a', 'b']).default('a'),
    })
    .strict(),
]);

const digits = z.string().regex(/^[0-9]*$/);

/** The specifiers DuckDB's strptime accepts (found by asking it for each letter, with and without '-'). */
const STRPTIME_SPECIFIER = /%(?:-?[dHIjmMSy]|[abcfghnpuwxzABGTUVWXYZ%])/g;

/** A strptime format whose every '%' starts a specifier DuckDB knows. */
const strptimeFormat = z
  .string()
  .min(1)
  .refine((f) => !f.replace(STRPTIME_SPECIFIER, '').includes('%'), {
    message: "unknown strptime specifier (use e.g. '%d/%m/%Y %H:%M:%S'; %% for a literal %)",
  });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name, e.g. 'Europe/London' (checked against the ICU database). */
const timeZone = z
  .string()
  .refine(isTimeZone, { message: "not a known IANA time zone (e.g. 'Europe/London', 'UTC')" })
  .default('UTC');

export const ProviderProfileSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and '-', starting with a letter or digit"),
    description: z.string().default(''),
    format: z.enum(['csv', 'parquet']).default('csv'),
    csv: z
      .object({
        delimiter: z.string().min(1).max(4).default(','),
        header: z.boolean().default(true),
        quote: z.string().max(1).default('"'),
        /** Text encoding: UTF-8 (a byte-order mark is skipped) or Latin-1 (ISO 8859-1). */
        encoding: z.enum(['utf-8', 'latin-1']).default('utf-8'),
        /** Number of columns of a headerless file (rows with another count are rejected). */
        columnCount: z.number().int().min(1).optional(),
      })
      .strict()
      .default({ delimiter: ',', header: true, quote: '"', encoding: 'utf-8' }),
    columns: z
      .object({
        type: columnRef.optional(),
        a: columnRef,
        b: columnRef,
        /** Date and time in one column … */
        start: columnRef.optional(),
        /** … or in two (joined with a space before parsing). */
        date: columnRef.optional(),
        time: columnRef.optional(),
        duration: columnRef.optional(),
        cellId: columnRef.optional(),
        imei: columnRef.optional(),
        imsi: columnRef.optional(),
      })
      .strict(),
    time: z.discriminatedUnion('kind', [
      z
        .object({
          /** strptime format(s), e.g. '%d/%m/%Y %H:%M:%S'; several are tried in order. */
          kind: z.literal('format'),
          format: z.union([strptimeFormat, z.array(strptimeFormat).min(1)]),
          timeZone,
        })
        .strict(),
      z
        .object({
          /** ISO 8601 text (an explicit offset wins over timeZone) or a native timestamp column. */
          kind: z.literal('iso'),
          timeZone,
        })
        .strict(),
      z
        .object({
          kind: z.literal('epoch'),
          unit: z.enum(['s', 'ms']).default('s'),
          /** The instant that value 0 denotes (ISO 8601 with offset). */
          base: z.iso.datetime({ offset: true }).default('1970-01-01T00:00:00Z'),
        })
        .strict(),
    ]),
    duration: z.enum(['s', 'ms', 'hms']).default('s'),
    party: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('phone'),
          defaultCountryCode: z
            .string()
            .regex(/^[1-9][0-9]{0,2}$/)
            .default('44'),
          nationalPrefix: digits.default('0'),
          internationalPrefix: digits.default('00'),
        })
        .strict(),
      z
        .object({
          /** E-mail addresses, IMEIs, app ids…: trimmed, optionally lower-cased, never empty. */
          kind: z.literal('identifier'),
          lowercase: z.boolean().default(false),
        })
        .strict(),
    ]),
    eventType: z
      .object({
        /** Type of every record when there is no type column (or its cell is empty). */
        default: eventType.optional(),
        /** Provider code → type; matched trimmed and case-insensitively. */
        codes: z.record(z.string(), typeCode).default({}),
      })
      .strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const c = p.columns;
    if ((c.start === undefined) === (c.date === undefined || c.time === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'give either columns.start or both columns.date and columns.time',
        path: ['columns', 'start'],
      });
    }
    if (p.time.kind === 'epoch' && c.start === undefined) {
      ctx.addIssue({ code: 'custom', message: 'epoch time needs columns.start', path: ['columns', 'start'] });
    }
    if (c.type === undefined && p.eventType.default === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'give columns.type or eventType.default',
        path: ['eventType', 'default'],
      });
    }
    const positional = Object.values(c).some((v) => typeof v === 'number');
    if (p.format === 'csv' && !p.csv.header && !positional) {
      ctx.addIssue({ code: 'custom', message: 'a headerless CSV needs column positions', path: ['columns'] });
    }
    if (p.format === 'csv' && !p.csv.header && p.csv.columnCount === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a headerless CSV needs csv.columnCount',
        path: ['csv', 'columnCount'],
      });
    }
    if (p.format === 'parquet' && positional) {
      ctx.addIssue({ code: 'custom', message: 'Parquet columns are named', path: ['columns'] });
    }
  });

export type ProviderProfile = z.output<typeof ProviderProfileSchema>;
export type ProviderProfileInput = z.input<typeof ProviderProfileSchema>;

/** Validates a profile (e.g. read from a JSON file); throws a ZodError listing what is wrong. */
export function parseProviderProfile(input: unknown): ProviderProfile {
  return ProviderProfileSchema.parse(input);
}
