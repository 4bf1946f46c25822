import { describe, expect, it } from 'vitest';
import { auditSearch, auditSearchParams } from './audit.api';

describe('auditSearchParams', () => {
  it('sends only the filters given, trimmed, and the page cursor', () => {
    const params = auditSearchParams({ actor: ' ada ', recordType: 'user', recordId: '' }, '42', 10);
    expect(params.toString()).toBe('actor=ada&recordType=user&beforeSeq=42&limit=10');
  });

  it('passes instants through as the URL holds them (ISO 8601)', () => {
    const params = auditSearchParams({ from: '2026-03-01T09:00:00.000Z' });
    expect(params.get('from')).toBe('2026-03-01T09:00:00.000Z');
  });
});

describe('auditSearch: the filters in the URL', () => {
  it('keeps what the audit contract accepts and drops the rest', () => {
    expect(auditSearch.schema.parse({ actor: 'ada', from: 'last tuesday', limit: 3 })).toEqual({
      actor: 'ada',
    });
    expect(auditSearch.schema.parse({ to: '2026-03-01T09:00:00.000Z' })).toEqual({
      to: '2026-03-01T09:00:00.000Z',
    });
  });
});
