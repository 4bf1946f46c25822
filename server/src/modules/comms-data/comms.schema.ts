import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  DatasetStatus,
  ImportFileView,
  ImportJobStatus,
  ImportProgressView,
  ImportSummaryView,
} from '#shared/contracts/comms';
import { protectedColumns } from '../../platform/access/protected-columns';
import { users } from '../../platform/auth/auth.schema';

/**
 * A communications-data dataset: what was acquired, from whom, under which authorisation
 * (IPA 2016 Part 3). The events live in DuckDB (`$LANTERN_DATA_DIR/comms/<id>.duckdb`); this row
 * is the protected record (marking + compartment of kind 'dataset') and the authorised scope that
 * binds every analysis of it.
 */
export const commsDatasets = pgTable(
  'comms_datasets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Unique only among the datasets one user can see (create-dataset.ts), so no constraint. */
    name: text('name').notNull(),
    provider: text('provider').notNull(),
    authorisationRef: text('authorisation_ref').notNull(),
    authorisedFrom: timestamp('authorised_from', { withTimezone: true }).notNull(),
    authorisedTo: timestamp('authorised_to', { withTimezone: true }).notNull(),
    /** Empty = every number in the acquired file is within the authorisation. */
    authorisedNumbers: text('authorised_numbers').array().notNull().default(sql`'{}'::text[]`),
    ...protectedColumns(),
    status: text('status').$type<DatasetStatus>().notNull().default('empty'),
    records: bigint('records', { mode: 'number' }).notNull().default(0),
    numbers: bigint('numbers', { mode: 'number' }).notNull().default(0),
    pairs: bigint('pairs', { mode: 'number' }).notNull().default(0),
    rejected: bigint('rejected', { mode: 'number' }).notNull().default(0),
    /** Records outside the authorisation (dates or numbers) met by its imports: never loaded. */
    outOfScope: bigint('out_of_scope', { mode: 'number' }).notNull().default(0),
    dataVersion: integer('data_version').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the records were destroyed (status 'destroyed'): the row stays as the record of it. */
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    destroyedBy: uuid('destroyed_by').references(() => users.id),
    destructionReason: text('destruction_reason'),
  },
  (t) => [
    index('comms_datasets_compartment_idx').on(t.compartmentId),
    index('comms_datasets_name_idx').on(t.name),
  ],
);

/** Numbers of current and past subjects, cross-matched against every dataset's contact graph. */
export const commsWatchlist = pgTable(
  'comms_watchlist',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    number: text('number').notNull(),
    subjectRef: text('subject_ref').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comms_watchlist_number_idx').on(t.number)],
);

/**
 * Provider profiles registered by users for layouts Lantern does not ship (ADR 0009): the
 * declarative mapping as given, validated on the way in. A profile is never changed once
 * registered, so an import's audit record ("profile X") always names one mapping; a corrected
 * mapping is registered under a new id.
 */
export const commsProfiles = pgTable('comms_profiles', {
  id: text('id').primaryKey(),
  definition: jsonb('definition').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The import history of each dataset: who imported which files with which profile, when, and what
 * came of it (counts, reject reasons, the first rejected lines, or the error). A row is written when
 * an import starts (`running`) and completed in the transaction that records the outcome on the
 * dataset; a row left `running` by a killed process becomes `interrupted` when the next process
 * opens the data directory. The provenance an inspector asks for, and the API's view of an import
 * after the process that ran it has gone.
 */
export const commsImports = pgTable(
  'comms_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => commsDatasets.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    /** [{ name, bytes }]: the paths given to the CLI, or 'upload' for the API's request body. */
    files: jsonb('files').$type<ImportFileView[]>().notNull(),
    status: text('status').$type<ImportJobStatus>().notNull().default('running'),
    /** The last progress report, written when the import ends. */
    progress: jsonb('progress').$type<ImportProgressView>(),
    /** What the import made of its files, once done. */
    result: jsonb('result').$type<ImportSummaryView>(),
    error: text('error'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('comms_imports_dataset_idx').on(t.datasetId, t.startedAt)],
);

export type CommsImportRow = typeof commsImports.$inferSelect;
export type CommsDatasetRow = typeof commsDatasets.$inferSelect;
export type CommsWatchlistRow = typeof commsWatchlist.$inferSelect;
export type CommsProfileRow = typeof commsProfiles.$inferSelect;
