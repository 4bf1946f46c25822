import type { EventType } from './analytics-store.types.js';

/** Stored TINYINT code of each event type; a pair's type mask has bit `1 << code`. */
export const EVENT_TYPE_CODES: Record<EventType, number> = { voice: 0, sms: 1, data: 2, message: 3 };

export const EVENT_TYPES: readonly EventType[] = ['voice', 'sms', 'data', 'message'];

export function eventTypeOfCode(code: number): EventType {
  const type = EVENT_TYPES[code];
  if (type === undefined) throw new Error(`unknown event type code ${code}`);
  return type;
}
