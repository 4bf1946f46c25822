import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from './chain.js';
import type { SignedCheckpoint } from './checkpoint.js';
import { eventLeafHash, type StoredEvent } from './event.js';
import { buildLog, checkpointAt, memorySigner, rechain } from './test-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

/*
 * ≥ 1,000 random tamperings of random valid logs; every one must be detected, and the reported
 * first bad seq must not lie after the tampered position.
 *
 * Out of scope by construction: appending NEW events after the last signed checkpoint. Such
 * events are indistinguishable from genuine ones until the next checkpoint; the checkpoint
 * cadence and the witness bound that window (see verifyAuditLog).
 */

const signer = memorySigner();
const otherSigner = memorySigner();
const RUNS_PER_KIND = 100;
let tamperings = 0;

interface Scenario {
  readonly log: StoredEvent[];
  readonly checkpoints: SignedCheckpoint[];
}

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const inputArb = fc.record({
  actorId: fc.option(text, { nil: null }),
  action: fc.constantFrom('source.read', 'source.update', 'meeting.create', 'payment.approve'),
  recordType: fc.option(fc.constantFrom('source', 'meeting', 'payment'), { nil: null }),
  recordId: fc.option(text, { nil: null }),
  requestId: fc.option(fc.uuid(), { nil: null }),
  fields: fc.array(fc.constantFrom('trueName', 'coverName', 'meeting.at', 'amount'), { maxLength: 3 }),
  ms: fc.integer({ min: 0, max: 4e12 }),
});

const scenarioArb = fc
  .record({
    inputs: fc.array(inputArb, { minLength: 50, maxLength: 90 }),
    cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }),
  })
  .map(({ inputs, cuts }) => ({
    inputs: inputs.map(
      ({ ms, ...rest }, i): AuditEventInput => ({ ...rest, id: `evt-${i}`, at: new Date(ms).toISOString() }),
    ),
    sizes: [...new Set([...cuts.map((c) => Math.max(1, Math.ceil(c * inputs.length))), inputs.length])],
  }));

async function materialise(arb: { inputs: AuditEventInput[]; sizes: number[] }): Promise<Scenario> {
  const log = buildLog(arb.inputs);
  const checkpoints = await Promise.all(arb.sizes.map((size) => checkpointAt(log, size, signer)));
  return { log, checkpoints };
}

const CONTENT = [
  'id',
  'at',
  'actorId',
  'action',
  'recordType',
  'recordId',
  'requestId',
  'fields',
  'prevHash',
] as const;
type ContentField = (typeof CONTENT)[number];

/** Like `modify`, for tampers that re-chain afterwards (which recomputes prevHash anyway). */
function modifyContent(e: StoredEvent, field: ContentField): StoredEvent {
  return modify(e, field === 'prevHash' ? 'action' : field);
}

/** Changes one content field so that the canonical bytes are guaranteed to differ. */
function modify(e: StoredEvent, field: ContentField): StoredEvent {
  switch (field) {
    case 'at':
      return { ...e, at: new Date(Date.parse(e.at) + 1).toISOString() };
    case 'fields':
      return { ...e, fields: [...e.fields, 'trueName'] };
    case 'actorId':
    case 'recordType':
    case 'recordId':
    case 'requestId':
      return { ...e, [field]: e[field] === null ? '' : null };
    case 'id':
    case 'action':
    case 'prevHash':
      return { ...e, [field]: `${e[field]}x` };
  }
}

interface Tampered {
  readonly events: StoredEvent[];
  readonly checkpoints: SignedCheckpoint[];
  /** 1-based position of the first tampered event; null when no event is (forged checkpoint). */
  readonly position: number | null;
}

type Tamper = (s: Scenario, a: number, b: number, field: ContentField) => Promise<Tampered> | Tampered;

const at = (n: number, a: number) => a % n;

const TAMPERS: Record<string, Tamper> = {
  'modify a field': ({ log, checkpoints }, a, _b, field) => {
    const p = at(log.length, a);
    return { events: log.map((e, i) => (i === p ? modify(e, field) : e)), checkpoints, position: p + 1 };
  },
  'modify a field and its leaf hash': ({ log, checkpoints }, a, _b, field) => {
    const p = at(log.length, a);
    const events = log.map((e, i) => {
      if (i !== p) return e;
      const changed = modify(e, field);
      return { ...changed, leafHash: eventLeafHash(changed) };
    });
    return { events, checkpoints, position: p + 1 };
  },
  'modify a field and rewrite the chain': ({ log, checkpoints }, a, _b, field) => {
    const p = at(log.length, a);
    return {
      events: rechain(
        log.map((e, i) => (i === p ? modifyContent(e, field) : e)),
        p,
      ),
      checkpoints,
      position: p + 1,
    };
  },
  'flip a stored hash byte': ({ log, checkpoints }, a, b) => {
    const p = at(log.length, a);
    const which = b % 2 === 0 ? 'leafHash' : 'chainHash';
    const events = log.map((e, i) => {
      if (i !== p) return e;
      const bytes = Buffer.from(e[which]);
      bytes[b % 32] = (bytes[b % 32] ?? 0) ^ 0x80;
      return { ...e, [which]: bytes };
    });
    return { events, checkpoints, position: p + 1 };
  },
  'delete an event': ({ log, checkpoints }, a) => {
    const p = at(log.length, a);
    return { events: log.filter((_, i) => i !== p), checkpoints, position: p + 1 };
  },
  'delete an event and rewrite the chain': ({ log, checkpoints }, a) => {
    const p = at(log.length, a);
    return {
      events: rechain(
        log.filter((_, i) => i !== p),
        p,
      ),
      checkpoints,
      position: p + 1,
    };
  },
  'insert a forged event': ({ log, checkpoints }, a, _b, field) => {
    // Chained correctly after its predecessor and re-using the seq of the event it precedes.
    const p = at(log.length, a);
    const forged = rechain([...log.slice(0, p), modifyContent(log[p]!, field)], p)[p]!;
    return { events: [...log.slice(0, p), forged, ...log.slice(p)], checkpoints, position: p + 1 };
  },
  'insert a forged event and rewrite the chain': ({ log, checkpoints }, a, _b, field) => {
    const p = at(log.length, a);
    const events = rechain([...log.slice(0, p), modifyContent(log[p]!, field), ...log.slice(p)], p);
    return { events, checkpoints, position: p + 1 };
  },
  'swap two events': ({ log, checkpoints }, a, b) => {
    const p = at(log.length - 1, a);
    const q = p + 1 + (b % (log.length - p - 1));
    const events = [...log];
    [events[p], events[q]] = [events[q]!, events[p]!];
    return { events, checkpoints, position: p + 1 };
  },
  'swap two events and rewrite the chain': ({ log, checkpoints }, a, b) => {
    const p = at(log.length - 1, a);
    const q = p + 1 + (b % (log.length - p - 1));
    const events = [...log];
    [events[p], events[q]] = [events[q]!, events[p]!];
    return { events: rechain(events, p), checkpoints, position: p + 1 };
  },
  'truncate the tail': ({ log, checkpoints }, a) => {
    const p = at(log.length, a);
    return { events: log.slice(0, p), checkpoints, position: p + 1 };
  },
  'truncate the tail and its checkpoints (witness kept outside)': ({ log, checkpoints }, a) => {
    const p = at(log.length, a);
    const witness = checkpoints.reduce((x, y) => (y.treeSize > x.treeSize ? y : x));
    const remaining = checkpoints.filter((c) => c.treeSize <= BigInt(p));
    return { events: log.slice(0, p), checkpoints: [...remaining, witness], position: p + 1 };
  },
  'rewrite the chain and forge its checkpoints': async ({ log, checkpoints }, a, _b, field) => {
    const p = at(log.length, a);
    const events = rechain(
      log.map((e, i) => (i === p ? modifyContent(e, field) : e)),
      p,
    );
    const forged = await Promise.all(
      checkpoints.map((c) => checkpointAt(events, Number(c.treeSize), otherSigner)),
    );
    return { events, checkpoints: forged, position: null };
  },
};

describe('audit log tamper detection (property)', () => {
  afterAll(() => {
    expect(tamperings).toBeGreaterThanOrEqual(1000);
  });

  it.each(Object.keys(TAMPERS))('detects every "%s"', async (kind) => {
    const tamper = TAMPERS[kind]!;
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...CONTENT),
        async (arb, a, b, field) => {
          const scenario = await materialise(arb);
          expect((await verifyAuditLog(scenario.log, scenario.checkpoints, signer.publicKey)).ok).toBe(true);
          const t = await tamper(scenario, a, b, field);
          const result = await verifyAuditLog(t.events, t.checkpoints, signer.publicKey);
          tamperings += 1;
          expect(result.ok).toBe(false);
          if (!result.ok && t.position !== null) {
            expect(result.firstBadSeq).not.toBeNull();
            expect(result.firstBadSeq!).toBeLessThanOrEqual(BigInt(t.position));
          }
        },
      ),
      { numRuns: RUNS_PER_KIND },
    );
  });
});
