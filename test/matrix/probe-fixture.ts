import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Marking } from '#shared/contracts/markings';
import type { AppContext } from '#server/app-context';
import type { Database } from '#server/db/client';
import type { UserRow } from '#server/platform/auth/auth.schema';
import type { TestClient } from '../app';

/** What a probe fixture works with: the app under test, its database and context. */
export interface ProbeKit {
  app: FastifyInstance;
  database: Database;
  ctx: AppContext;
}

/** A signed-in user of the matrix: the owner of the hidden records, or an outsider. */
export interface ProbeUser {
  user: UserRow;
  client: TestClient;
}

/** A record the matrix probes, made by a module's probe fixture. */
export interface ProbeRecord {
  /** The value of every record path parameter that reaches it: `{ id }`, `{ id, importId }`. */
  params: Record<string, string>;
  /** Its compartment: the matrix reads some outsiders into it (without the markings to see it). */
  compartmentId: string;
  /** Its name as users quote it (dataset name, reference): what the unique-name oracle reuses. */
  name: string;
}

/** A request the OpenAPI schema cannot build (a file upload): sent by the fixture itself. */
export type ProbeSender = (client: TestClient, path: string) => Promise<LightMyRequestResponse>;

/**
 * How the outsider matrix (outsider-matrix.db.test.ts) probes one module: how to make a record it can
 * be probed with, which path parameters take a record's id, and what the OpenAPI document cannot
 * say. Every /api/<module>/ route is classified from it — a record route (a parameter in
 * `recordParams`), a declared write, or a list (any other GET) — and a route that fits none, or has
 * a path parameter the fixture does not name, fails the suite naming it: a new route is covered
 * the day it lands. Registered in probe-fixtures.ts, one line a module.
 */
export interface ProbeFixture {
  /** The module's manifest name; its routes are the app's routes under `/api/<module>/`. */
  module: string;
  /** Path parameters that take the id of a protected record (probed with a hidden and an unknown id). */
  recordParams: readonly string[];
  /** Values for path parameters that are not records (a provider profile's id). */
  fixedParams?: Readonly<Record<string, string>>;
  /**
   * Makes one record as `owner` (signed in with every permission of the module, cleared TOP SECRET
   * with the marking's caveats), marked `marking`, with `canary` in every string it stores (its
   * name first). The matrix makes two: the hidden one and the owner's control.
   */
  create(kit: ProbeKit, owner: ProbeUser, marking: Marking, canary: string): Promise<ProbeRecord>;
  /** Values the request builder cannot guess, by field name (a dataset's authorised period). */
  named?: Readonly<Record<string, unknown>>;
  /** Requests the schema cannot build, by `METHOD /api/url/:param`. */
  send?: Readonly<Record<string, ProbeSender>>;
  /** Record routes that end the record (delete, destroy): the owner's control runs them last. */
  destroys?: readonly string[];
  /**
   * Routes without a record parameter that are not lists — they create or change something — each
   * with what it does. Not probed as lists; the creation among them is the unique-name oracle's.
   */
  writes: Readonly<Record<string, string>>;
  /**
   * Lists whose answer depends on the caller's compartments rather than on records (where one may
   * create), each with why: compared before and after only for the outsider who is read into nothing.
   */
  membershipLists?: Readonly<Record<string, string>>;
  /**
   * Creates a record named `name` as `who`, marked `marking` (the unique-name oracle): in the hidden
   * record's compartment when `who` is read into it, else wherever `who` may create. The matrix
   * chooses markings the other outsiders cannot see, so one outsider's record never clashes with
   * another's.
   */
  createNamed(
    kit: ProbeKit,
    who: ProbeUser,
    name: string,
    hidden: ProbeRecord,
    marking: Marking,
  ): Promise<LightMyRequestResponse>;
}
