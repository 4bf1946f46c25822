import { describe, expect, it } from 'vitest';
import { auditSearchParams, emptyFilters } from './audit.api';

describe('auditSearchParams', () => {
  it('sends only the filters given, trimmed, and the page cursor', () => {
    const params = auditSearchParams({ ...emptyFilters, actor: ' admin ', recordType: 'user' }, '42', 10);
    expect(params.toString()).toBe('actor=admin&recordType=user&beforeSeq=42&limit=10');
  });

  it('sends times as ISO instants', () => {
    const params = auditSearchParams({ ...emptyFilters, from: '2026-03-01T09:00' });
    expect(params.get('from')).toBe(new Date('2026-03-01T09:00').toISOString());
  });
});
