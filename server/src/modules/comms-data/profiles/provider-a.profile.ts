import type { ProviderProfileInput } from '../store/provider-profile.schema.js';

/**
 * A UK mobile operator's billing export: separate date (dd/mm/yyyy) and time columns in
 * Europe/London local time, hh:mm:ss durations and MOC/MTC/SMS-MO/SMS-MT/GPRS codes. For
 * terminating records the served (located) subscriber is the B party.
 */
export const providerAProfile: ProviderProfileInput = {
  id: 'provider-a',
  description: 'UK operator export: CALL_DATE + CALL_TIME in Europe/London, MOC/MTC codes',
  csv: { delimiter: ',', header: true },
  columns: {
    type: 'RECORD_TYPE',
    a: 'CALLING_NUMBER',
    b: 'CALLED_NUMBER',
    date: 'CALL_DATE',
    time: 'CALL_TIME',
    duration: 'DURATION',
    cellId: 'CELL_ID',
    imei: 'IMEI',
    imsi: 'IMSI',
  },
  time: { kind: 'format', format: '%d/%m/%Y %H:%M:%S', timeZone: 'Europe/London' },
  duration: 'hms',
  party: { kind: 'phone', defaultCountryCode: '44', nationalPrefix: '0', internationalPrefix: '00' },
  eventType: {
    codes: {
      MOC: 'voice',
      MTC: { type: 'voice', served: 'b' },
      'SMS-MO': 'sms',
      'SMS-MT': { type: 'sms', served: 'b' },
      GPRS: 'data',
    },
  },
};
