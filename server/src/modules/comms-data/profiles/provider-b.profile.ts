import type { ProviderProfileInput } from '../store/provider-profile.schema.js';

/**
 * A headerless semicolon-separated feed: `record_id;event;a;b;epoch_ms;duration_s;cell`, with
 * national-format numbers (07700 900123) and one-letter event codes.
 */
export const providerBProfile: ProviderProfileInput = {
  id: 'provider-b',
  description: 'Headerless ; feed: record_id;event;a;b;epoch_ms;duration_s;cell — national numbers',
  csv: { delimiter: ';', header: false, columnCount: 7 },
  columns: { type: 2, a: 3, b: 4, start: 5, duration: 6, cellId: 7 },
  time: { kind: 'epoch', unit: 'ms', base: '1970-01-01T00:00:00Z' },
  duration: 's',
  party: { kind: 'phone', defaultCountryCode: '44', nationalPrefix: '0', internationalPrefix: '00' },
  eventType: { codes: { V: 'voice', S: 'sms', D: 'data' } },
};
