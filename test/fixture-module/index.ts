// The reference module's public surface: what the server's registry, other modules and the console
// may use. Everything else in this folder is the module's own. The manifest has a door of its own
// (fixture.manifest.ts, imported by shared/modules/index.ts) because the web and the CLI read it
// without the server's code; the web page has another (web/index.ts, for the web registry).

export { fixtureServerModule } from './fixture.module';
export { buildFixtureDemo, buildFixtureRecord, type FixtureRecordOverrides } from './fixture.factory';

// Use cases: each takes the app's context and a user's scope, and owns its transaction.
export { countFixtureRecords } from './use-cases/count-fixture-records';
export { createFixtureRecord } from './use-cases/create-fixture-record';
export { deleteFixtureRecord } from './use-cases/delete-fixture-record';
export { exportFixtureRecords } from './use-cases/export-fixture-records';
export { listFixtureCompartments } from './use-cases/list-fixture-compartments';
export { listFixtureRecords } from './use-cases/list-fixture-records';
export { readFixtureRecord } from './use-cases/read-fixture-record';
export { readFixtureSecret } from './use-cases/read-fixture-secret';
export { updateFixtureRecord } from './use-cases/update-fixture-record';
