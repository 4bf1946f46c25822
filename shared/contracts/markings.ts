import { z } from 'zod';
import { singleLineText } from './text';

/**
 * UK Government Security Classifications, lowest first. OFFICIAL-SENSITIVE is OFFICIAL with a
 * handling caveat; it is ranked between OFFICIAL and SECRET so a clearance can include or exclude it.
 */
export const classifications = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'] as const;
export type Classification = (typeof classifications)[number];
export const classificationSchema = z.enum(classifications);

export function classificationRank(c: Classification): number {
  return classifications.indexOf(c);
}

/** National caveats and handling codewords: upper-case words, e.g. "UK EYES ONLY". */
export const caveatSchema = singleLineText()
  .min(2)
  .max(40)
  .regex(/^[A-Z][A-Z0-9 /-]*$/, 'upper-case letters, digits, space, slash or dash');

export const markingSchema = z.strictObject({
  classification: classificationSchema,
  caveats: z.array(caveatSchema).max(10).default([]),
});
export type Marking = z.infer<typeof markingSchema>;
