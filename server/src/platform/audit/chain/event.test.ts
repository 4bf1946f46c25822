import { describe, expect, it } from 'vitest';
import { EMPTY_CHAIN_HEAD, GENESIS_CHAIN_HASH, nextStoredEvent } from './chain.js';
import { canonicalEventBytes, eventLeafHash } from './event.js';
import { nodeHash } from './hash.js';
import { eventInput } from './test-log.js';

describe('canonical audit event encoding', () => {
  const first = nextStoredEvent(EMPTY_CHAIN_HEAD, eventInput(1));

  it('is sorted-key JSON of exactly the event fields, seq as a decimal string', () => {
    const json = canonicalEventBytes(first).toString('utf8');
    expect(json.startsWith('{"action":"source.update","actorId":"user-1","at":')).toBe(true);
    expect(json).toContain('"seq":"1"');
    expect(json).not.toContain('leafHash');
  });

  it('does not depend on property order, number vs bigint seq, or extra properties', () => {
    const reordered = { ...first, seq: 1, extra: 'ignored', fields: [...first.fields] };
    const { action, ...rest } = reordered;
    expect(eventLeafHash({ ...rest, action }).equals(first.leafHash)).toBe(true);
  });

  it('changes with any field, including the order of field names', () => {
    expect(eventLeafHash({ ...first, fields: [...first.fields].reverse() }).equals(first.leafHash)).toBe(
      false,
    );
    expect(eventLeafHash({ ...first, requestId: null }).equals(first.leafHash)).toBe(false);
  });
});

describe('hash chain', () => {
  it('starts at the genesis value and links each event to the previous chain hash', () => {
    const first = nextStoredEvent(EMPTY_CHAIN_HEAD, eventInput(1));
    expect(first.seq).toBe(1n);
    expect(first.prevHash).toBe(GENESIS_CHAIN_HASH.toString('hex'));
    expect(first.chainHash.equals(nodeHash(GENESIS_CHAIN_HASH, first.leafHash))).toBe(true);
    const second = nextStoredEvent({ seq: 1n, chainHash: first.chainHash }, eventInput(2));
    expect(second.seq).toBe(2n);
    expect(second.prevHash).toBe(first.chainHash.toString('hex'));
  });

  it('refuses a non-canonical timestamp, which would not survive a database round trip', () => {
    expect(() => nextStoredEvent(EMPTY_CHAIN_HEAD, eventInput(1, { at: '2025-01-01T00:00:00Z' }))).toThrow(
      TypeError,
    );
  });

  it('refuses something that looks like a value in "fields", without echoing it', () => {
    const attempt = () =>
      nextStoredEvent(EMPTY_CHAIN_HEAD, eventInput(1, { fields: ['trueName', 'John Smith'] }));
    expect(attempt).toThrow('entry 1 is not a field name');
    expect(attempt).not.toThrow(/Smith/);
  });
});
