import type { Queryable } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import { profilesOfDoneImports } from '../imports.repo';
import { distinctRules, type PartyRule, partyCandidates } from '../party-normaliser';
import { findProfile } from '../use-cases/provider-profiles';

/**
 * The party rules of each dataset: those of the provider profiles its completed imports used (a
 * failed, cancelled or interrupted import left the data as it was). A registered profile that no
 * longer validates is passed over (its imports are listed with the reasons elsewhere).
 */
export async function importedPartyRules(
  q: Queryable,
  datasetIds: readonly string[],
): Promise<Map<string, PartyRule[]>> {
  const rules = new Map<string, PartyRule[]>(datasetIds.map((id) => [id, []]));
  if (datasetIds.length === 0) return rules;
  const used = await profilesOfDoneImports(q, datasetIds);
  const profiles = new Map<string, PartyRule | null>();
  for (const { profileId } of used) {
    if (profiles.has(profileId)) continue;
    const found = await findProfile(q, profileId).catch(() => undefined);
    profiles.set(profileId, found?.definition.party ?? null);
  }
  for (const { datasetId, profileId } of used) {
    const rule = profiles.get(profileId);
    if (rule) rules.get(datasetId)!.push(rule);
  }
  for (const [id, list] of rules) rules.set(id, distinctRules(list));
  return rules;
}

/** The numbers among `candidates` that the data holds. */
export type HeldParties = (candidates: readonly string[]) => Promise<Set<string>>;

/** Numbers (or identifiers) asked about, turned into the form the data holds them in. */
export interface PartyInputs {
  /**
   * Each input in the form the import stored it under the dataset's party rules (aligned with
   * `inputs`). A value no rule reads (or a dataset nothing was imported into) stays as given, to be
   * reported unknown as typed. A value the rules read differently (profiles of different
   * countries) becomes the form the data holds; when the data holds more than one of its forms it
   * is ambiguous: refused, naming them (`refuse`, the default), or left as given (`as-given`, for
   * lists such as the watchlist that one entry must not stop).
   */
  resolve(inputs: readonly string[], options?: { ambiguous?: 'refuse' | 'as-given' }): Promise<string[]>;
}

export function partyInputs(rules: readonly PartyRule[], held: HeldParties): PartyInputs {
  return {
    async resolve(inputs, options = {}) {
      if (rules.length === 0) return [...inputs];
      const candidates = inputs.map((raw) => partyCandidates(raw, rules));
      const several = [...new Set(candidates.filter((c) => c.length > 1).flat())];
      const found = several.length > 0 ? await held(several) : new Set<string>();
      return inputs.map((raw, i) => {
        const forms = candidates[i]!;
        if (forms.length <= 1) return forms[0] ?? raw;
        const inData = forms.filter((n) => found.has(n));
        if (inData.length === 1) return inData[0]!;
        if (inData.length === 0) return forms[0]!;
        if (options.ambiguous === 'as-given') return raw;
        throw new AppError(
          'VALIDATION_FAILED',
          `'${raw}' is ${inData.join(' or ')} in this data (its profiles read it differently): give the number in international form.`,
        );
      });
    },
  };
}
