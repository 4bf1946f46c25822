import { z } from 'zod';
import { instant } from './time';
import { multiLineText, singleLineText } from './text';
import { caveatSchema, classificationSchema } from './markings';
import { pageQuery } from './pagination';

export * from './comms-results';
export * from './comms-views';

/** A party as stored: an E.164 number (`+447700900123`) or, for e-mail style data, an identifier. */
export const partySchema = singleLineText().trim().min(1).max(64);
const isoDate = instant();

export const createDatasetBody = z.strictObject({
  name: singleLineText().trim().min(1).max(120),
  provider: singleLineText().trim().min(1).max(120),
  authorisationRef: singleLineText().trim().min(1).max(200),
  authorisedFrom: isoDate,
  authorisedTo: isoDate,
  authorisedNumbers: z.array(partySchema).max(10_000).default([]),
  classification: classificationSchema.default('OFFICIAL-SENSITIVE'),
  caveats: z.array(caveatSchema).max(10).default([]),
});
export type CreateDatasetBody = z.infer<typeof createDatasetBody>;

/** Why a dataset's records are destroyed: recorded on the dataset and in the audit trail. */
export const destroyDatasetBody = z.strictObject({
  reason: multiLineText()
    .trim()
    .min(10, 'give the reason for the destruction (at least 10 characters)')
    .max(2000),
});
export type DestroyDatasetBody = z.infer<typeof destroyDatasetBody>;

/**
 * The authorised scope a call asks for (IPA 2016 Part 3): numbers and dates must lie within the
 * dataset's authorisation; graph options narrow which contact pairs count.
 */
export const scopeSchema = z.strictObject({
  numbers: z.array(partySchema).max(10_000).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  minEvents: z.number().int().min(1).max(1_000_000).optional(),
  direction: z.enum(['out', 'in', 'both']).optional(),
  excludeHighDegree: z.boolean().optional(),
});
export type ScopeInput = z.infer<typeof scopeSchema>;

const base = {
  scope: scopeSchema.default({}),
  /** Further datasets analysed together with the one in the path (merged contact graph). */
  alsoDatasets: z.array(z.uuid()).max(20).default([]),
};
const seeds = z.array(partySchema).min(1).max(1000);

export const chainBody = z.strictObject({
  ...base,
  seeds,
  hops: z.number().int().min(1).max(3).default(2),
  limit: z.number().int().min(1).max(100_000).default(1000),
});
export const commonBody = z.strictObject({
  ...base,
  numbers: z.array(partySchema).min(2).max(1000),
  minShared: z.number().int().min(1).optional(),
});
export const pathBody = z.strictObject({
  ...base,
  from: partySchema,
  to: partySchema,
  all: z.boolean().default(false),
  maxHops: z.number().int().min(1).max(20).optional(),
  maxPaths: z.number().int().min(1).max(1000).default(100),
});
export const networkBody = z.strictObject({
  ...base,
  numbers: z.array(partySchema).min(2).max(200),
  maxHops: z.number().int().min(1).max(12).default(6),
});
export const communitiesBody = z.strictObject({
  ...base,
  method: z.enum(['louvain', 'label-propagation']).default('louvain'),
  top: z.number().int().min(1).max(10_000).default(20),
  membersPerCommunity: z.number().int().min(0).max(10_000).default(50),
});
export const centralityBody = z.strictObject({
  ...base,
  measure: z.enum(['degree', 'weighted-degree', 'betweenness']).default('degree'),
  top: z.number().int().min(1).max(10_000).default(20),
  samples: z.number().int().min(1).max(100_000).optional(),
});
export const coLocationBody = z
  .strictObject({
    scope: scopeSchema.default({}),
    number: partySchema.optional(),
    /** With `number`: only this other number is looked for (the co-location of a pair). */
    other: partySchema.optional(),
    windowMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(15),
    radiusMetres: z.number().min(0).max(100_000).optional(),
    minOccurrences: z.number().int().min(1).default(2),
    limit: z.number().int().min(1).max(10_000).default(100),
  })
  .refine((body) => !(body.other && !body.number), {
    message: 'other needs number: it names the second number of a pair',
    path: ['other'],
  });
export const timelineBody = z.strictObject({
  scope: scopeSchema.default({}),
  number: partySchema,
  other: partySchema.optional(),
  silentHours: z
    .number()
    .min(1)
    .max(24 * 365)
    .optional(),
  topContacts: z.number().int().min(1).max(1000).optional(),
});
export const pairEventsQuery = z.strictObject({
  a: partySchema,
  b: partySchema,
  from: isoDate.optional(),
  to: isoDate.optional(),
  bothDirections: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const statsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });
export const watchlistMatchQuery = z.strictObject({
  number: partySchema,
  hops: z.coerce.number().int().min(0).max(2).default(2),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
/** The datasets the user can see, by name (default) or newest first; `q` finds names containing it. */
export const datasetListQuery = pageQuery(['name', 'createdAt'], { sort: 'name' });
export type DatasetListQuery = z.infer<typeof datasetListQuery>;
/** A dataset's imports, newest first by default; `q` finds profiles containing it. */
export const importListQuery = pageQuery(['startedAt'], { sort: '-startedAt', limit: 100 });
export type ImportListQuery = z.infer<typeof importListQuery>;
/** Shipped and registered profiles by id; `q` finds ids and descriptions containing it. */
export const profileListQuery = pageQuery(['id'], { sort: 'id', limit: 500 });
export type ProfileListQuery = z.infer<typeof profileListQuery>;
/** The watchlist in the order entered; `number` its entries for one number, `q` subject references containing it. */
export const watchlistListQuery = pageQuery(['id', 'number'], { sort: 'id', limit: 500 }).extend({
  number: partySchema.optional(),
});
export type WatchlistListQuery = z.infer<typeof watchlistListQuery>;

export const watchlistAddBody = z.strictObject({
  entries: z
    .array(z.strictObject({ number: partySchema, subjectRef: singleLineText().trim().min(1).max(200) }))
    .min(1)
    .max(50_000),
});

export type ChainBody = z.infer<typeof chainBody>;
export type CommonBody = z.infer<typeof commonBody>;
export type PathBody = z.infer<typeof pathBody>;
export type NetworkBody = z.infer<typeof networkBody>;
export type CommunitiesBody = z.infer<typeof communitiesBody>;
export type CentralityBody = z.infer<typeof centralityBody>;
export type CoLocationBody = z.infer<typeof coLocationBody>;
export type TimelineBody = z.infer<typeof timelineBody>;

/** The rule work on a destroyed dataset is refused under (its records no longer exist). */
export const COMMS_DESTROYED_RULE = 'IPA 2016 Part 3: acquired data destroyed when no longer needed';

/** The rule every out-of-scope analysis is refused under. */
export const COMMS_SCOPE_RULE = 'IPA 2016 Part 3: outside the authorised scope';
