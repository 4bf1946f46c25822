import type { ProviderProfileInput } from '../store/provider-profile.schema.js';

/**
 * SNAP temporal networks (e.g. email-Eu-core-temporal): `sender receiver seconds`,
 * space-separated; ids are identifiers, seconds count from a fixed epoch 2003-10-01T00:00:00Z.
 */
export const snapTemporalProfile: ProviderProfileInput = {
  id: 'snap-temporal',
  description: 'SNAP temporal edge list: sender receiver seconds (from 2003-10-01T00:00:00Z)',
  csv: { delimiter: ' ', header: false, columnCount: 3 },
  columns: { a: 1, b: 2, start: 3 },
  time: { kind: 'epoch', unit: 's', base: '2003-10-01T00:00:00Z' },
  party: { kind: 'identifier' },
  eventType: { default: 'message' },
};
