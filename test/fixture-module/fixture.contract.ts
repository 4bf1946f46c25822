import { z } from 'zod';
import { caveatSchema, classificationSchema } from '#shared/contracts/markings';
import { pageOf, pageQuery } from '#shared/contracts/pagination';
import { multiLineText, singleLineText } from '#shared/contracts/text';

// The reference module's contract: every request and answer of its API, shared by the server (route
// schemas), the web page (forms and tables) and tests. A real module keeps this file in
// shared/contracts/<module>.ts; the reference module keeps it beside its code because only tests
// and readers load it.

/** Named in `details.rule` when a reference is already used among the records the creator can see. */
export const FIXTURE_REFERENCE_RULE =
  'unique reference: a reference is unique among the records its readers see';

export const fixtureIdParams = z.strictObject({ id: z.uuid() });

/** A short reference people quote (`REF-0042`): upper-case letters, digits and dashes. */
export const fixtureReferenceSchema = singleLineText()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'upper-case letters, digits and dashes');

export const createFixtureRecordBody = z.strictObject({
  compartmentId: z.uuid(),
  classification: classificationSchema,
  caveats: z.array(caveatSchema).max(10).default([]),
  reference: fixtureReferenceSchema,
  title: singleLineText().trim().min(1).max(200),
  /** Stored encrypted; read back only through the audited secret route. */
  secret: multiLineText().min(1).max(10_000),
});
export type CreateFixtureRecordBody = z.infer<typeof createFixtureRecordBody>;
export type CreateFixtureRecordInput = z.input<typeof createFixtureRecordBody>;

export const updateFixtureRecordBody = z.strictObject({ title: singleLineText().trim().min(1).max(200) });
export type UpdateFixtureRecordBody = z.infer<typeof updateFixtureRecordBody>;

/** The fields a list sorts by; `-field` sorts descending. */
export const fixtureSortFields = ['reference', 'title', 'classification', 'createdAt'] as const;
export type FixtureSortField = (typeof fixtureSortFields)[number];
export const fixtureListQuery = pageQuery(fixtureSortFields, { sort: '-createdAt' });
export type FixtureListQuery = z.infer<typeof fixtureListQuery>;
export const fixtureCountQuery = fixtureListQuery.pick({ q: true });

/**
 * What the actor may do with a record, computed by the server's policy (fixture.policy.ts): the web
 * shows and hides by these, never by role names (CONVENTIONS rule 15).
 */
export const fixtureAbilities = z.object({
  update: z.boolean(),
  delete: z.boolean(),
  readSecret: z.boolean(),
});
export type FixtureAbilities = z.infer<typeof fixtureAbilities>;

export const fixtureRecordView = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  classification: classificationSchema,
  caveats: z.array(z.string()),
  compartmentId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: fixtureAbilities,
});
export type FixtureRecordView = z.infer<typeof fixtureRecordView>;

export const fixtureRecordPage = pageOf(fixtureRecordView);
export type FixtureRecordPage = z.infer<typeof fixtureRecordPage>;
export const fixtureCountResponse = z.object({ count: z.number().int().min(0) });
export const fixtureExportResponse = z.object({ records: z.array(fixtureRecordView) });
export const fixtureSecretView = z.object({ secret: z.string() });

/** A compartment the actor may create records in: one of the module's kind they are read into. */
export const fixtureCompartmentView = z.object({ id: z.string(), name: z.string() });
export type FixtureCompartmentView = z.infer<typeof fixtureCompartmentView>;
export const fixtureCompartmentsResponse = z.object({ items: z.array(fixtureCompartmentView) });
export type FixtureCompartmentsResponse = z.infer<typeof fixtureCompartmentsResponse>;
