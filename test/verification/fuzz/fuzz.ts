import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '#server/db/client';
import { exampleOf, type JsonSchema, percentEncode } from '#server/platform/http/hostile-input.test-support';
import type { TestClient } from '../../app';
import { databaseDigest, lastAuditSeq } from './digest';
import { limitValues, mutate, Rng, routeSeed, validValue } from './inputs';
import type { Target, World } from './world';

// The schema-driven fuzzer (issue 27, item 2): for every route with a body or query, inputs
// generated from its schema — valid first, then mutated — sent as a user who may call it. Oracles:
// no 5xx; every 4xx in the error envelope; what the route's zod schema refuses is a 400 naming the
// field; refused requests leave every table's rows as they were.

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Input {
  what: string;
  query: Record<string, unknown>;
  body: unknown;
  params: Record<string, string>;
}
type Upload = { body: Buffer; contentType: string };
type Zod = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } };

export interface RouteFigures {
  key: string;
  inputs: number;
  valid: number;
  refusedBySchema: number;
  statuses: Record<number, number>;
}
export interface FuzzResult {
  seed: number;
  routes: RouteFigures[];
  failures: string[];
  unreachable: string[];
}

const abbreviated = (input: Input) =>
  JSON.stringify(input, (_, v) =>
    typeof v === 'string' && v.length > 120 ? `<${v.length} chars: ${v.slice(0, 20)}…>` : v,
  ).replace(/(\[){50,}/g, (m) => `<${m.length} × [>`);

const hasLoneSurrogate = (v: string) => /\p{Cs}/u.test(v);

function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) {
      const text =
        typeof one === 'string'
          ? one
          : one === null
            ? ''
            : typeof one === 'object'
              ? JSON.stringify(one)
              : String(one);
      parts.push(`${percentEncode(k)}=${percentEncode(text)}`);
    }
  }
  return parts.join('&');
}

/** The query as the server parses it: repeated keys become arrays, every value a string. */
function received(search: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** What the route's zod schemas say of an input: the first part refused (as Fastify checks) and its issue paths. */
function expected(target: Target, input: Input, search: string, payload: string | undefined) {
  if (/\p{Cs}/u.test(search ? decodeURIComponentSafe(search) : '')) return { refused: undefined };
  // The router refuses a path parameter that does not decode or is over 100 characters (MALFORMED_REQUEST).
  if (Object.values(input.params).some((v) => hasLoneSurrogate(v) || v.length > 100))
    return { refused: undefined };
  const s = target.route.schemas as Record<string, Zod | undefined>;
  const parts: [string, unknown][] = [
    ['params', input.params],
    ['body', payload === undefined ? undefined : JSON.parse(payload)],
    ['querystring', received(search)],
  ];
  for (const [part, value] of parts) {
    const schema = s[part];
    if (!schema?.safeParse) continue;
    const r = schema.safeParse(value);
    if (!r.success) return { refused: r.error!.issues.map((i) => [part, ...i.path.map(String)].join('.')) };
  }
  return { refused: [] as string[] };
}
function decodeURIComponentSafe(s: string) {
  try {
    return decodeURIComponent(s);
  } catch {
    return '\ud800';
  }
}

/** JSON.parse keeps these as own keys; the server's parser refuses such a body (prototype poisoning). */
const poisoned = (payload: string | undefined) =>
  payload !== undefined && /"(__proto__|constructor)":/.test(payload);

function fault(res: LightMyRequestResponse, refused: string[] | undefined, payload: string | undefined) {
  const excerpt = res.body.slice(0, 300);
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${excerpt}`;
  if (res.statusCode < 400) {
    if (refused && refused.length > 0)
      return `accepted (${res.statusCode}) what its schema refuses (${refused[0]})`;
    return undefined;
  }
  let error: { code?: unknown; message?: unknown; details?: { fields?: { path?: unknown }[] } } | undefined;
  try {
    error = JSON.parse(res.body).error;
  } catch {
    return `answered ${res.statusCode} not in JSON: ${excerpt}`;
  }
  if (typeof error?.code !== 'string' || typeof error.message !== 'string')
    return `answered ${res.statusCode} outside the envelope { error: { code, message } }: ${excerpt}`;
  const fields = error.details?.fields;
  if (error.code === 'VALIDATION_FAILED' && (!Array.isArray(fields) || fields.length === 0))
    return `a validation error naming no field: ${excerpt}`;
  if (!refused || refused.length === 0 || (res.statusCode === 400 && poisoned(payload))) return undefined;
  if (res.statusCode !== 400)
    return `answered ${res.statusCode} to what its schema refuses (${refused[0]}): ${excerpt}`;
  const named = (fields ?? []).map((f) => String(f.path));
  if (!named.some((p) => refused.includes(p)))
    return `400 naming ${named.join(', ') || 'no field'}, not ${refused.join(', ')}`;
  return undefined;
}

/** The request an input makes: its URL, query string and body as sent. */
function requestOf(target: Target, input: Input, upload?: Upload) {
  const path = target.route.url.replace(/:(\w+)/g, (_, n: string) => percentEncode(input.params[n] ?? ''));
  const search = queryString(input.query);
  const payload = upload ? undefined : input.body === undefined ? undefined : JSON.stringify(input.body);
  return { url: search ? `${path}?${search}` : path, search, payload };
}

async function send(world: World, client: TestClient, target: Target, input: Input, upload?: Upload) {
  const { url, payload } = requestOf(target, input, upload);
  const session = client.cookie('lantern_session');
  const csrf = client.cookie('lantern_csrf') ?? '';
  const headers: Record<string, string> = {
    cookie: `${session ? `lantern_session=${session}; ` : ''}lantern_csrf=${csrf}`,
  };
  if (target.route.method !== 'GET') headers['x-csrf-token'] = csrf;
  const body = upload?.body ?? payload;
  if (body !== undefined) headers['content-type'] = upload?.contentType ?? 'application/json';
  const res = await world.app.inject({
    method: target.route.method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body }),
  });
  // The client keeps the cookies it is given, as a browser would (a rotated session after a TOTP confirmation).
  (client as unknown as { remember(r: LightMyRequestResponse): void }).remember(res);
  return res;
}

const profile = new Map<string, number>();
export const profileReport = () =>
  [...profile]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, ms]) => `${k}: ${ms.toFixed(0)} ms`);

/** Fuzzes one route with `count` inputs; failures are pushed with the seed and input to replay. */
async function fuzzRoute(
  world: World,
  database: Database,
  target: Target,
  seed: number,
  count: number,
  failures: string[],
) {
  // The session first: making it may set named values (a current TOTP code).
  const client = await target.client();
  const rng = new Rng(routeSeed(seed, target.key));
  const operation = world.operations.get(target.key) as Operation | undefined;
  const queryParams = (operation?.parameters ?? []).filter((p) => p.in === 'query');
  const querySchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const content = operation?.requestBody?.content ?? {};
  const bodySchema = content['application/json']?.schema;
  // An upload (a file, not JSON) is sent as the module's probe fixture sends it; its query is fuzzed.
  const upload = target.upload;
  const names = [...target.route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const ownParams = Object.fromEntries(names.map((n) => [n, target.params[n]!]));
  const base: Input = {
    what: 'the plain example',
    query: exampleOf(querySchema, target.named) as Record<string, unknown>,
    body: bodySchema ? exampleOf(bodySchema, target.named) : undefined,
    params: ownParams,
  };
  const inputs: Input[] = [base];
  const validCount = Math.max(3, Math.round(count * 0.1));
  while (inputs.length < validCount)
    inputs.push({
      what: 'generated',
      query: validValue(querySchema, rng, target.named) as Record<string, unknown>,
      body: bodySchema ? validValue(bodySchema, rng, target.named) : undefined,
      params: ownParams,
    });
  const limits = limitValues({ querySchema, bodySchema });
  const mutated: Input[] = [];
  while (inputs.length + mutated.length < count) {
    const from = rng.pick(inputs);
    const parts = [...(bodySchema ? ['body'] : []), ...(queryParams.length ? ['query'] : []), 'params'];
    const part = rng.chance(0.05)
      ? 'params'
      : rng.pick(parts.filter((p) => p !== 'params').length ? parts.filter((p) => p !== 'params') : parts);
    const m = mutate(part === 'body' ? from.body : part === 'query' ? from.query : from.params, rng, limits);
    const input = { ...from, what: `${part}: ${m.what}` };
    if (part === 'body') input.body = m.value;
    else if (part === 'query')
      input.query = (
        m.value && typeof m.value === 'object' && !Array.isArray(m.value) ? m.value : { value: m.value }
      ) as Record<string, unknown>;
    else
      input.params = Object.fromEntries(
        Object.keys(from.params).map((k) => [
          k,
          typeof (m.value as Record<string, unknown>)?.[k] === 'string'
            ? (m.value as Record<string, string>)[k]!
            : String((m.value as Record<string, unknown>)?.[k] ?? ''),
        ]),
      );
    mutated.push(input);
  }
  const figures: RouteFigures = { key: target.key, inputs: 0, valid: 0, refusedBySchema: 0, statuses: {} };
  const refusedIds = new Set<string>();
  const auditFrom = await lastAuditSeq(database.db);
  const replay = (i: number, input: Input) =>
    `seed ${seed} route ${target.key} input #${i} (${input.what}): ${abbreviated(input)}`;
  const run = async (input: Input, i: number, again = false) => {
    const { search, payload } = requestOf(target, input, upload);
    const t0 = performance.now();
    const res = await send(world, client, target, input, upload);
    if (process.env.LANTERN_FUZZ_PROFILE) {
      const kind = `${res.statusCode} ${input.what.replace(/ at .*/, '')}`;
      profile.set(kind, (profile.get(kind) ?? 0) + performance.now() - t0);
    }
    const { refused } = expected(target, input, search, payload);
    if (res.statusCode >= 400) refusedIds.add(String(res.headers['x-request-id']));
    if (again) return res;
    // LANTERN_FUZZ_SHOW=<status>: the first answer of that status on each route (why a route refuses).
    if (process.env.LANTERN_FUZZ_SHOW === String(res.statusCode) && !figures.statuses[res.statusCode])
      console.log(`${target.key} ${res.statusCode}: ${res.body.slice(0, 300)}`);
    figures.inputs++;
    if (refused && refused.length === 0) figures.valid++;
    if (refused && refused.length > 0) figures.refusedBySchema++;
    figures.statuses[res.statusCode] = (figures.statuses[res.statusCode] ?? 0) + 1;
    const why = fault(res, refused, payload);
    if (why) failures.push(`${replay(i, input)} — ${why}`);
    return res;
  };
  for (const [i, input] of inputs.entries()) await run(input, i);
  // The requests the schema refuses, as one batch: every table's rows as they were.
  const classified = mutated.map((input) => {
    const { search, payload } = requestOf(target, input, upload);
    return { input, refused: expected(target, input, search, payload).refused };
  });
  const refusedBatch = classified
    .map((c, j) => ({ ...c, i: inputs.length + j }))
    .filter((c) => c.refused && c.refused.length > 0);
  const digest = () => databaseDigest(database.db, refusedIds, auditFrom);
  /** Which of a batch that changed the database did: each sent again between two digests. */
  const culprits = async (batch: { input: Input; i: number }[], why: string) => {
    for (const { input, i } of batch) {
      const d0 = await digest();
      const res = await run(input, i, true);
      if (res.statusCode >= 400 && (await digest()) !== d0)
        failures.push(`${replay(i, input)} — ${why} (${res.statusCode})`);
    }
  };
  const before = await digest();
  for (const { input, i } of refusedBatch) await run(input, i);
  if ((await digest()) !== before) {
    failures.push(
      `seed ${seed} route ${target.key}: ${refusedBatch.length} refused requests changed the database`,
    );
    await culprits(refusedBatch, 'refused by its schema but changed the database');
  }
  // The rest may be served. Those the route itself refused are sent again as one batch, once
  // the record has settled: every table's rows as they were.
  const routeRefused: { input: Input; i: number }[] = [];
  for (const [j, { input, refused }] of classified.entries()) {
    if (refused && refused.length > 0) continue;
    const i = inputs.length + j;
    if ((await run(input, i)).statusCode >= 400) routeRefused.push({ input, i });
  }
  const settled = await digest();
  let served = 0;
  for (const { input, i } of routeRefused) if ((await run(input, i, true)).statusCode < 400) served++;
  if (served === 0 && (await digest()) !== settled) {
    failures.push(`seed ${seed} route ${target.key}: requests the route refused changed the database`);
    await culprits(routeRefused, 'refused by the route but changed the database');
  }
  return figures;
}

/** Fuzzes every target (or those whose key contains `only`) with `count` inputs each. */
export async function fuzzAll(
  world: World,
  database: Database,
  options: { seed: number; count: number; only?: string; log?: (line: string) => void },
): Promise<FuzzResult> {
  const failures: string[] = [];
  const routes: RouteFigures[] = [];
  for (const target of world.targets) {
    if (options.only && !target.key.includes(options.only)) continue;
    const started = performance.now();
    const figures = await fuzzRoute(world, database, target, options.seed, options.count, failures);
    routes.push(figures);
    const histogram = Object.entries(figures.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    options.log?.(
      `${target.key}: ${figures.inputs} inputs (${figures.valid} valid, ${figures.refusedBySchema} refused by schema) ${histogram} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { seed: options.seed, routes, failures, unreachable: world.unreachable };
}
