import { type ProviderProfile, parseProviderProfile } from '../store/provider-profile.schema.js';
import { genericProfile } from './generic.profile.js';
import { providerAProfile } from './provider-a.profile.js';
import { providerBProfile } from './provider-b.profile.js';
import { snapTemporalProfile } from './snap-temporal.profile.js';
import { snapTemporalUnixProfile } from './snap-temporal-unix.profile.js';

const shipped = [
  genericProfile,
  providerAProfile,
  providerBProfile,
  snapTemporalProfile,
  snapTemporalUnixProfile,
].map(parseProviderProfile);

/** The provider profiles shipped with Lantern, validated at load. */
export const SHIPPED_PROFILES: ReadonlyMap<string, ProviderProfile> = new Map(shipped.map((p) => [p.id, p]));

export function getProfile(id: string): ProviderProfile {
  const profile = SHIPPED_PROFILES.get(id);
  if (!profile)
    throw new Error(`unknown provider profile '${id}' (known: ${[...SHIPPED_PROFILES.keys()].join(', ')})`);
  return profile;
}
