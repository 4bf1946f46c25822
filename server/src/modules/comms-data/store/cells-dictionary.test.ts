import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { parseProviderProfile } from './provider-profile.schema.js';
import { DuckDbStore } from './duckdb-store.js';
import { tempDirPerTest, writeGenericCsv } from './fixtures/test-helpers.js';

const temp = tempDirPerTest();

const generic = getProfile('generic');
const csv = (name: string, rows: string[]) => writeGenericCsv(temp.dir, name, rows);

it('a record on a cell new to the dataset is not taken for a held copy without a cell', async () => {
  const store = new DuckDbStore(temp.dir);
  const ds = store.dataset('d');
  const noCell = 'voice,07700900001,07700900002,2024-03-01T10:00:00Z,60,,,';
  expect(await ds.importFiles([await csv('one.csv', [noCell])], generic)).toMatchObject({ loaded: 1 });
  const again = await ds.importFiles(
    [
      await csv('two.csv', [
        noCell,
        noCell.replace(',60,,', ',60,C-NEW,'),
        noCell.replace(',60,,', ',60,C-NEW,'),
      ]),
    ],
    generic,
  );
  expect(again).toMatchObject({ read: 3, loaded: 1, duplicates: 2 });
  const cells = (await ds.pairEvents('+447700900001', '+447700900002')).events.map((e) => e.cellId);
  expect(cells.sort()).toEqual(['C-NEW', null]);
  await store.close();
});

it('records each imported file once per import, with the time of the import in UTC', async () => {
  const store = new DuckDbStore(temp.dir);
  const ds = store.dataset('s');
  // A profile in another zone: the import's session time zone must not shift imported_at.
  const tokyo = parseProviderProfile({
    ...getProfile('generic'),
    id: 'tokyo',
    time: { kind: 'iso', timeZone: 'Asia/Tokyo' },
  });
  const row = 'voice,07700900001,07700900002,2024-03-01T10:00:00Z,60,C1,,';
  const before = Date.now();
  await ds.importFiles([await csv('a.csv', [row]), await csv('b.csv', [row.replace(':00Z', ':01Z')])], tokyo);
  await ds.importFiles([await csv('a.csv', [row.replace(':00Z', ':02Z')])], generic);
  await store.close();
  const db = await DuckDBInstance.create(join(temp.dir, 's.duckdb'));
  const c = await db.connect();
  const rows = (
    await c.runAndReadAll('SELECT source, path, epoch_ms(imported_at) AS at FROM sources ORDER BY source')
  ).getRowObjects();
  c.closeSync();
  db.closeSync();
  expect(rows.map((r) => [r.source, String(r.path).split('/').pop()])).toEqual([
    [0, 'a.csv'],
    [1, 'b.csv'],
    [2, 'a.csv'],
  ]);
  for (const r of rows) expect(Math.abs(Number(r.at) - before)).toBeLessThan(60_000);
});

/** Rewrites a dataset file into the layout before ADR 0008: cell ids and source paths as text. */
async function toTextCellLayout(path: string): Promise<void> {
  const db = await DuckDBInstance.create(path);
  const c = await db.connect();
  await c.run(`CREATE TABLE ev_text AS SELECT e.id, e.type, e.a_id, e.b_id, e.start_ts, e.duration_s, k.cell_id, e.imei,
      e.imsi, e.served, s.path AS source_file, e.source_line
    FROM events e LEFT JOIN cells k USING (cell) JOIN sources s USING (source) ORDER BY e.id;
    CREATE TABLE ebp_text AS SELECT p.party_id, p.start_ts, p.other_id, p.dir, p.type, p.duration_s, k.cell_id, p.event_id
    FROM events_by_party p LEFT JOIN cells k USING (cell) ORDER BY p.party_id, p.start_ts, p.event_id;
    DROP TABLE events; ALTER TABLE ev_text RENAME TO events;
    DROP TABLE events_by_party; ALTER TABLE ebp_text RENAME TO events_by_party;
    DROP TABLE events_by_cell; DROP TABLE cells; DROP TABLE sources;`);
  c.closeSync();
  db.closeSync();
}

it('moves a file with text cell ids and source paths to the dictionaries, with the same answers', async () => {
  const rows = Array.from({ length: 400 }, (_, i) => {
    const a = `077009${String(i % 37).padStart(5, '0')}`;
    const b = `077009${String((i * 7) % 41).padStart(5, '0')}`;
    const minute = String(i % 60).padStart(2, '0');
    const cell = i % 6 === 0 ? '' : `C${i % 9}`;
    return `${i % 3 === 0 ? 'sms' : 'voice'},${a},${b},2024-03-0${1 + (i % 4)}T1${i % 10}:${minute}:00Z,${i},${cell},,`;
  });
  const files = [await csv('a.csv', rows.slice(0, 250)), await csv('b.csv', rows.slice(250))];
  const sites = join(temp.dir, 'sites.csv');
  await writeFile(
    sites,
    `cell_id,lat,lon\n${Array.from({ length: 9 }, (_, k) => `C${k},51.5,${-0.1 + k * 0.001}`).join('\n')}\n`,
  );
  const answers = async (store: DuckDbStore) => {
    const ds = store.dataset('m');
    const numbers = ['+447700900000', '+447700900007', '+447700900014'];
    return {
      stats: await ds.stats(),
      events: await Promise.all(
        numbers.map((n) => ds.pairEvents(n, '+447700900000', undefined, { bothDirections: true })),
      ),
      near: await Promise.all(numbers.map((n) => ds.coLocation(n, { windowMinutes: 90, radiusMetres: 150 }))),
      same: await Promise.all(numbers.map((n) => ds.coLocation(n, { windowMinutes: 30 }))),
      repeated: await ds.repeatedCoLocation({ windowMinutes: 60, minOccurrences: 2 }),
      timeline: await ds.timeline('+447700900007'),
    };
  };
  const first = new DuckDbStore(temp.dir);
  await first.dataset('m').importFiles(files, generic);
  await first.dataset('m').importCellSites(sites);
  const before = await answers(first);
  await first.close();
  expect(before.near.flat().length).toBeGreaterThan(0);
  expect(before.events.flatMap((p) => p.events).some((e) => e.cellId === null)).toBe(true);

  await toTextCellLayout(join(temp.dir, 'm.duckdb'));
  const second = new DuckDbStore(temp.dir);
  expect(await answers(second)).toEqual(before);
  await second.close();

  const db = await DuckDBInstance.create(join(temp.dir, 'm.duckdb'));
  const c = await db.connect();
  const layout = await c.runAndReadAll(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE column_name IN ('cell', 'cell_id', 'source', 'source_file')
     AND table_name LIKE 'events%' ORDER BY ALL`,
  );
  expect(layout.getRows()).toEqual([
    ['events', 'cell'],
    ['events', 'source'],
    ['events_by_cell', 'cell'],
    ['events_by_party', 'cell'],
  ]);
  c.closeSync();
  db.closeSync();
});
