import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { systemClock } from '../../platform/clock';
import { openCommsServices } from './comms-services';
import { tempDirPerTest } from './store/fixtures/test-helpers.js';

const temp = tempDirPerTest();
// The services open no database connection of their own; the sweep needs none.
const database = { db: {} } as unknown as Database;

it("removes the uploads an earlier process left behind, and never this process's", async () => {
  const uploads = join(temp.dir, 'comms', 'uploads');
  mkdirSync(uploads, { recursive: true });
  const started = new Date('2026-01-10T12:00:00Z');
  const file = (name: string, modified: Date) => {
    writeFileSync(join(uploads, name), 'a,b\n');
    utimesSync(join(uploads, name), modified, modified);
  };
  file('left-by-a-killed-server.csv', new Date('2026-01-09T08:00:00Z'));
  file('left-a-second-ago.csv.gz', new Date(started.getTime() - 1000));
  file('being-written-now.csv', new Date(started.getTime() + 5000));
  const services = openCommsServices(database, systemClock, temp.dir, { processStartedAt: started });
  try {
    expect(readdirSync(uploads)).toEqual(['being-written-now.csv']);
  } finally {
    await services.close();
  }
});

it('opens when there is no uploads directory yet', async () => {
  const services = openCommsServices(database, systemClock, temp.dir);
  await services.close();
});
