import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForbiddenCharacter } from '#shared/contracts/text';
import type { TestClient } from '../../../../test/app';
import { openTestDatabase } from '../../../../test/db';
import { buildWorld, type Target, type World } from '../../../../test/verification/fuzz/world';
import type { Database } from '../../db/client';
import { emailNetworkFile, signedIn } from '../../modules/comms-data/comms.test-support';
import type { RouteEntry } from './route-access';
import {
  CannotBuild,
  exampleOf,
  type JsonSchema,
  percentEncode,
  type StringSlot,
  stringSlots,
  withValueAt,
} from './hostile-input.test-support';

// Every API route — of every module, the platform's and the reference module's — found in the
// route catalogue (test/verification/fuzz/world.ts: a record of each module made by its probe
// fixture, a user who may call each route) and built from its OpenAPI schemas, gets every string
// it takes (body, query, path) replaced in turn by hostile text: no answer may be a 5xx, and a
// refused string is named in error.details.fields. The schema-driven fuzzer
// (test/verification/fuzz.db.test.ts) mutates whole requests; this checks the text contract.
let database: Database;
let world: World;
let app: FastifyInstance;
let client: TestClient;
/** Fields whose meaning a schema cannot say: a dataset's authorised dates, a sample of a file. */
const named: Record<string, unknown> = {
  authorisedFrom: '2003-10-01T00:00:00Z',
  authorisedTo: '2004-06-30T23:59:59Z',
  profile: 'snap-temporal',
  sample: readFileSync(emailNetworkFile, 'utf8').split('\n').slice(0, 20).join('\n'),
};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, { allRoutes: true });
  app = world.app;
  ({ client } = await signedIn(app, database.db, ['analyst', 'comms-spoc', 'admin']));
}, 300_000);
afterAll(async () => {
  await world?.close();
  await database?.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** A route as the fuzzer calls it: a valid request, and the strings it can replace. */
interface RouteModel {
  route: RouteEntry;
  client: TestClient;
  named: Record<string, unknown>;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  bodySchema: JsonSchema;
  slots: StringSlot[];
}

function modelOf(target: Target, operation: Operation | undefined, caller: TestClient): RouteModel {
  if (!operation) throw new CannotBuild('not in the OpenAPI document');
  const fields = { ...named, ...target.named };
  const params: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  const slots: StringSlot[] = [];
  for (const p of operation.parameters ?? []) {
    if (p.in === 'path') {
      const value = target.params[p.name];
      if (value === undefined) throw new CannotBuild(`no value for the path parameter ${p.name}`);
      params[p.name] = value;
      slots.push({ path: ['params', p.name], schema: p.schema });
    } else if (p.in === 'query') {
      if (p.required) query[p.name] = exampleOf(p.schema, fields, p.name);
      slots.push(...stringSlots(p.schema, ['querystring', p.name]));
    } else throw new CannotBuild(`a parameter in ${p.in}`);
  }
  const content = operation.requestBody?.content ?? {};
  const types = Object.keys(content);
  // An upload (a file as the body) is sent by its module's probe fixture; its query and path are probed.
  if (types.some((t) => t !== 'application/json') && !target.upload)
    throw new CannotBuild(`a body of ${types.join(', ')}`);
  const bodySchema = content['application/json']?.schema ?? {};
  const json = types.includes('application/json');
  const body = json ? exampleOf(bodySchema, fields) : undefined;
  if (json) slots.push(...stringSlots(bodySchema, ['body']));
  return { route: target.route, client: caller, named: fields, params, query, body, bodySchema, slots };
}

function send(model: RouteModel, slot?: StringSlot, value?: string) {
  const params = { ...model.params };
  const query = { ...model.query };
  let body = model.body;
  if (slot) {
    const [where, ...rest] = slot.path;
    if (where === 'params') params[rest[0] as string] = value!;
    else if (where === 'querystring') query[rest[0] as string] = value;
    else body = withValueAt(body, model.bodySchema, rest, value, model.named);
  }
  const path = model.route.url.replace(/:(\w+)/g, (_, name: string) => percentEncode(params[name]!));
  const search = Object.entries(query)
    .map(([k, v]) => `${k}=${percentEncode(String(v))}`)
    .join('&');
  return model.client.request(model.route.method as Method, search ? `${path}?${search}` : path, body);
}

/**
 * What a probe must get: `refused` — 400 naming the field; `router` — 400 MALFORMED_REQUEST from
 * the router (a path parameter that does not decode or is past its length limit never reaches a
 * schema); `answered` — anything but a 5xx.
 */
type Expectation = 'refused' | 'router' | 'answered';

/** In a `u` regular expression a paired surrogate is one code point: \p{Cs} matches lone ones only. */
const hasLoneSurrogate = (value: string) => /\p{Cs}/u.test(value);

/**
 * What a string must get where it is sent. A lone surrogate cannot be put in a URL: sent as the
 * WTF-8 bytes a careless client would send, it does not decode, so a path is refused by the router
 * and a query value arrives as its literal percent-encoded text.
 */
function expectationFor(slot: StringSlot, value: string, refusedByRule: boolean): Expectation {
  const inUrl = slot.path[0] !== 'body';
  // Fastify's router takes path parameters of at most 100 characters, decoded (maxParamLength).
  const tooLong = value.length > 100;
  if (slot.path[0] === 'params' && (tooLong || hasLoneSurrogate(value))) return 'router';
  if (inUrl && hasLoneSurrogate(value)) return 'answered';
  return refusedByRule ? 'refused' : 'answered';
}

/** What is wrong with the answer to a probe, or undefined. */
function fault(res: { statusCode: number; body: string }, slot: StringSlot, expected: Expectation) {
  const excerpt = res.body.slice(0, 300);
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${excerpt}`;
  if (res.statusCode < 400) return expected === 'answered' ? undefined : `accepted (${res.statusCode})`;
  const error = (JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    .error;
  if (typeof error?.code !== 'string' || typeof error.message !== 'string')
    return `answered ${res.statusCode} in another shape than { error: { code, message } }: ${excerpt}`;
  if (expected === 'answered') return undefined;
  if (expected === 'router')
    return res.statusCode === 400 && error.code === 'MALFORMED_REQUEST' ? undefined : `answered ${excerpt}`;
  const field = slot.path.join('.');
  const fields = (error.details as { fields?: { path: string }[] } | undefined)?.fields ?? [];
  if (res.statusCode !== 400 || !fields.some((f) => f.path === field))
    return `answered ${res.statusCode} not naming ${field}: ${excerpt}`;
  return undefined;
}

const hostile: { name: string; value: string }[] = [
  { name: 'NUL', value: '1\u00002' },
  { name: 'U+0001', value: '1\u00012' },
  { name: 'ESC', value: '1\u001b[2J2' },
  { name: 'DEL', value: '1\u007f2' },
  { name: 'NEL (C1)', value: '1\u00852' },
  { name: 'lone surrogate', value: '1\ud8002' },
];
const OVERSIZED = '1'.repeat(100_000);

const built: { models: RouteModel[]; unbuilt: string[] } = { models: [], unbuilt: [] };

/** A model of every route (each with a session that may call it), made once for the file. */
async function models(): Promise<{ built: RouteModel[]; unbuilt: string[] }> {
  if (built.models.length === 0 && built.unbuilt.length === 0) {
    built.unbuilt.push(...world.unreachable);
    for (const target of world.targets) {
      // A route that takes nothing and is hidden from the document (the document itself): no string to probe.
      const { params, querystring, body } = target.route.schemas;
      if (!params && !querystring && !body && !world.operations.has(target.key)) continue;
      try {
        built.models.push(modelOf(target, world.operations.get(target.key), await target.client()));
      } catch (error) {
        if (!(error instanceof CannotBuild)) throw error;
        built.unbuilt.push(`${target.key}: ${error.message}`);
      }
    }
  }
  return { built: built.models, unbuilt: built.unbuilt };
}

describe('hostile strings on every route', () => {
  it('never answer 5xx; a refused string is named by its field', async () => {
    const { built, unbuilt } = await models();
    expect(unbuilt).toEqual([]);
    expect(built.length).toBeGreaterThan(80);
    const faults: string[] = [];
    let probes = 0;
    for (const model of built) {
      const name = `${model.route.method} ${model.route.url}`;
      for (const slot of model.slots) {
        for (const { name: kind, value } of hostile) {
          probes++;
          const why = fault(await send(model, slot, value), slot, expectationFor(slot, value, true));
          if (why) faults.push(`${name} ${slot.path.join('.')} ${kind}: ${why}`);
        }
        probes++;
        const tooLong = slot.schema.maxLength !== undefined && slot.schema.maxLength < OVERSIZED.length;
        const res = await send(model, slot, OVERSIZED);
        const why = fault(res, slot, expectationFor(slot, OVERSIZED, tooLong));
        if (why) faults.push(`${name} ${slot.path.join('.')} 100k characters: ${why}`);
      }
    }
    expect(faults).toEqual([]);
    expect(probes).toBeGreaterThan(200);
  });

  it('a body over the limit is 413 on every route that takes one', async () => {
    const { built } = await models();
    const faults: string[] = [];
    for (const { route, params, client: caller } of built) {
      if (route.method === 'GET') continue;
      const session = caller.cookie('lantern_session') ?? '';
      const csrf = caller.cookie('lantern_csrf') ?? '';
      const limit = route.bodyLimit ?? app.initialConfig.bodyLimit ?? 2 ** 20;
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => params[name]!);
      // The declared length is refused before the body is read: a GiB upload need not be sent.
      const res = await app.inject({
        method: route.method as Method,
        url,
        headers: {
          cookie: `lantern_session=${session}; lantern_csrf=${csrf}`,
          'x-csrf-token': csrf,
          'content-type': 'application/json',
          'content-length': String(limit + 1),
        },
        payload: '{}',
      });
      if (res.statusCode !== 413) faults.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body}`);
    }
    expect(faults).toEqual([]);
  });

  it('a provider profile keeps its tab delimiter; a control character elsewhere in it is named', async () => {
    const tabbed = {
      id: `tabbed-${randomUUID().slice(0, 8)}`,
      description: 'tab-separated\nas the provider exports it',
      csv: { delimiter: '\t' },
      columns: { a: 'from', b: 'to', start: 'when' },
      time: { kind: 'iso' },
      party: { kind: 'identifier' },
      eventType: { default: 'message' },
    };
    const sample = 'from\tto\twhen\r\nalice\tbob\t2004-01-01T00:00:00Z\r\n';
    const check = await client.request('POST', '/api/comms/profiles/check', { profile: tabbed, sample });
    expect(check.statusCode).toBe(200);
    expect(check.json().sample).toMatchObject({ loaded: 1, rejected: 0 });
    expect((await client.request('POST', '/api/comms/profiles', tabbed)).statusCode).toBe(201);
    for (const [body, field] of [
      [{ ...tabbed, csv: { delimiter: '\t', quote: '\u0000' } }, 'body.csv.quote'],
      [{ ...tabbed, description: 'colour \u001b[31m' }, 'body.description'],
      [{ ...tabbed, eventType: { codes: { 'V\u0085': 'voice' } } }, 'body.eventType.codes'],
    ] as const) {
      const res = await client.request('POST', '/api/comms/profiles', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toContainEqual({
        path: field,
        message: expect.stringMatching(/must not contain control characters/),
      });
    }
  });

  it('random text in any string field never answers 5xx, and a control character is refused', async () => {
    const { built } = await models();
    const slots = built.flatMap((model) => model.slots.map((slot) => ({ model, slot })));
    const char = fc.oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
      { weight: 1, arbitrary: fc.constantFrom("'", '"', '\\', '%', '_', ';', '--', '\u202e', '\ufeff', ' ') },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...slots),
        fc.string({ unit: char, maxLength: 24 }),
        async ({ model, slot }, value) => {
          const res = await send(model, slot, value);
          // Tab, newline and CR are allowed in some fields (a reason, a CSV sample); no other control is.
          const refused = findForbiddenCharacter(value, '\t\n\r') !== undefined;
          const why = fault(res, slot, expectationFor(slot, value, refused));
          if (why) throw new Error(`${model.route.method} ${model.route.url} ${slot.path.join('.')}: ${why}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
