import type { ProviderProfileInput } from '../store/provider-profile.schema.js';

/** Lantern's own CSV layout: `type,a,b,start,duration_s,cell_id,imei,imsi`, ISO 8601 times. */
export const genericProfile: ProviderProfileInput = {
  id: 'generic',
  description: "Lantern's own CSV: header type,a,b,start,duration_s,cell_id,imei,imsi; ISO 8601 UTC times",
  csv: { delimiter: ',', header: true },
  columns: {
    type: 'type',
    a: 'a',
    b: 'b',
    start: 'start',
    duration: 'duration_s',
    cellId: 'cell_id',
    imei: 'imei',
    imsi: 'imsi',
  },
  time: { kind: 'iso', timeZone: 'UTC' },
  party: { kind: 'phone', defaultCountryCode: '44' },
  eventType: { codes: { voice: 'voice', sms: 'sms', data: 'data', message: 'message' } },
};
