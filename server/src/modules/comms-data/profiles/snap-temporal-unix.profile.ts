import type { ProviderProfileInput } from '../store/provider-profile.schema.js';

/**
 * SNAP temporal networks stamped in Unix seconds (e.g. CollegeMsg, sx-stackoverflow,
 * wiki-talk-temporal): `source target unixts`, space-separated; ids are identifiers. Unlike
 * email-Eu-core-temporal (`snap-temporal`), whose seconds count from its own start.
 */
export const snapTemporalUnixProfile: ProviderProfileInput = {
  id: 'snap-temporal-unix',
  description: 'SNAP temporal edge list: source target Unix-seconds (CollegeMsg, sx-*, wiki-talk-temporal)',
  csv: { delimiter: ' ', header: false, columnCount: 3 },
  columns: { a: 1, b: 2, start: 3 },
  time: { kind: 'epoch', unit: 's' },
  party: { kind: 'identifier' },
  eventType: { default: 'message' },
};
