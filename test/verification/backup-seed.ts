import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { AppContext } from '#server/app-context';
import type { Config } from '#server/config';
import { checkpointIfGrown } from '#server/platform/audit/checkpoints';
import { buildCompartment } from '#server/platform/access/access.factory';
import { buildUser } from '#server/platform/auth/user.factory';
import { systemClock } from '#server/platform/clock';
import { consoleScope } from '#server/platform/request-scope';
import type { Runtime } from '#server/runtime';
import { createDataset, importDatasetFiles, openCommsServices } from '#server/modules/comms-data/index';
import { buildFixtureRecord } from '../fixture-module/fixture.factory';
import { fixtureSecrets } from '../fixture-module/fixture.cipher';
import { fixtureRecords, installFixtureModule } from '../fixture-module/fixture.schema';

/** How much an installation seeded for a backup round trip holds. */
export interface SeedScale {
  users: number;
  records: number;
  commsEvents: number;
}

export const ciScale: SeedScale = { users: 4, records: 12, commsEvents: 2_000 };

/** What the seed made, to be found again after a restore. */
export interface SeedFacts {
  records: { id: string; secret: string }[];
  datasetId: string;
  commsStats: unknown;
  auditEvents: number;
}

export function contextOf(runtime: Runtime, config: Config): AppContext {
  return {
    config,
    database: runtime.database,
    clock: systemClock,
    keys: runtime.keys,
    auditKeys: runtime.auditKeys,
  };
}

/** A generic-profile CSV of `n` calls among ~n/20 numbers over March 2024 (deterministic). */
function commsCsv(n: number): string {
  const numbers = Math.max(10, Math.floor(n / 20));
  const lines = ['type,a,b,start,duration_s,cell_id,imei,imsi'];
  const start = Date.parse('2024-03-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const a = 7_700_900_000 + ((i * 7919) % numbers);
    const b = 7_700_900_000 + ((i * 104_729 + 1) % numbers);
    const at = new Date(start + i * 37_000).toISOString();
    lines.push(`voice,0${a},0${b === a ? b + 1 : b},${at},${(i % 600) + 1},C${i % 50},,`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Seeds an opened installation the way its users would fill it: users, a compartment, reference
 * records with an encrypted field (each audited), a comms dataset with an import (a DuckDB file and
 * the import's history), a signed checkpoint, plus what a backup must leave out (an upload left in
 * comms/uploads, a graph snapshot). Returns what to look for after a restore.
 */
export async function seedInstallation(
  runtime: Runtime,
  config: Config,
  scale: SeedScale,
): Promise<SeedFacts> {
  const ctx = contextOf(runtime, config);
  const { db } = runtime.database;
  await installFixtureModule(db);
  const owner = await buildUser(db, { roles: ['handler'], clearance: 'TOP SECRET' });
  for (let i = 1; i < scale.users; i++) await buildUser(db, { roles: i % 2 ? ['analyst'] : ['handler'] });
  const compartment = await buildCompartment(db, { kind: 'fixture' });
  const records: SeedFacts['records'] = [];
  for (let i = 0; i < scale.records; i++) {
    const secret = `secret ${i} ${randomUUID()}`;
    const built = await buildFixtureRecord(ctx, { owner, compartment, secret });
    records.push({ id: built.record.id, secret });
  }

  const services = openCommsServices(runtime.database, systemClock, config.dataDir);
  const work = await mkdtemp(join(tmpdir(), 'lantern-backup-seed-'));
  try {
    const dataset = await createDataset(
      runtime.database,
      {
        name: `backup-${randomUUID()}`,
        provider: 'Operator X',
        authorisationRef: 'IPA/BACKUP/2024',
        authorisedFrom: '2024-01-01T00:00:00Z',
        authorisedTo: '2024-12-31T23:59:59Z',
        authorisedNumbers: [],
        classification: 'OFFICIAL-SENSITIVE',
        caveats: [],
      },
      consoleScope(systemClock),
    );
    const file = join(work, 'calls.csv');
    await writeFile(file, commsCsv(scale.commsEvents));
    await importDatasetFiles(
      services,
      { datasetId: dataset.id, files: [file], profile: 'generic' },
      consoleScope(systemClock),
    );
    const commsStats = await services.store.dataset(dataset.id).stats();
    // What a backup leaves out: an upload in flight and a graph snapshot (a cache).
    mkdirSync(join(services.dir, 'uploads'), { recursive: true });
    writeFileSync(join(services.dir, 'uploads', 'left-over.csv'), 'type,a,b\n');
    writeFileSync(join(services.dir, `${dataset.id}.v1.csr`), 'snapshot');
    const cp = await checkpointIfGrown(db, runtime.auditKeys, systemClock);
    return {
      records,
      datasetId: dataset.id,
      commsStats: JSON.parse(JSON.stringify(commsStats)),
      auditEvents: Number(cp?.treeSize ?? 0),
    };
  } finally {
    await services.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Decrypts every seeded record's secret on an installation (no audit written: a check, not a read). */
export async function readSecrets(runtime: Runtime, config: Config, ids: string[]): Promise<string[]> {
  const ctx = contextOf(runtime, config);
  const out: string[] = [];
  for (const id of ids) {
    const [row] = await runtime.database.db.select().from(fixtureRecords).where(eq(fixtureRecords.id, id));
    out.push(row?.secretEnc ? await fixtureSecrets(ctx, runtime.database.db).decrypt(id, row.secretEnc) : '');
  }
  return out;
}

/** The comms statistics of a dataset on an installation (its DuckDB file read again). */
export async function commsStatsOf(runtime: Runtime, config: Config, datasetId: string): Promise<unknown> {
  const services = openCommsServices(runtime.database, systemClock, config.dataDir);
  try {
    return JSON.parse(JSON.stringify(await services.store.dataset(datasetId).stats()));
  } finally {
    await services.close();
  }
}
