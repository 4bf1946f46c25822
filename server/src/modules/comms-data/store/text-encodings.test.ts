import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { importRefusal, readRejects, storePerTest } from './fixtures/test-helpers.js';
import { parseProviderProfile } from './provider-profile.schema.js';

const temp = storePerTest();

/** A provider's export in Latin-1: an accented header name and cell names. */
const LATIN1_TEXT = [
  'type;a;b;début;durée;cellule',
  'voice;07700900123;07700900456;2026-02-14 17:59:51;142;Café-Nord',
  'voice;07700900124;not a number;2026-02-14 18:00:00;3;Gare-Méridionale',
  'sms;07700900125;07700900457;2026-02-14 18:01:00;0;Élysée',
].join('\n');

const latin1Profile = (encoding: 'utf-8' | 'latin-1') =>
  parseProviderProfile({
    id: `latin1-${encoding}`,
    csv: { delimiter: ';', encoding },
    columns: { type: 'type', a: 'a', b: 'b', start: 'début', duration: 'durée', cellId: 'cellule' },
    time: { kind: 'iso', timeZone: 'UTC' },
    party: { kind: 'phone' },
    eventType: { codes: { voice: 'voice', sms: 'sms' } },
  });

it("reads a Latin-1 file under csv.encoding 'latin-1': header, cell names and rejected text decoded", async () => {
  const path = join(temp.dir, 'latin1.csv');
  await writeFile(path, Buffer.from(`${LATIN1_TEXT}\n`, 'latin1'));
  const ds = temp.store.dataset('l');
  const rejectsPath = join(temp.dir, 'rejects.csv');
  const result = await ds.importFiles([path], latin1Profile('latin-1'), { rejectsPath });
  expect(result).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
  expect((await ds.firstEvents(10)).map((e) => e.cellId)).toEqual(['Café-Nord', 'Élysée']);
  expect(await readRejects(rejectsPath)).toEqual([
    {
      file: path,
      line: 3,
      reason: 'bad B number',
      raw: 'voice;07700900124;not a number;2026-02-14 18:00:00;3;Gare-Méridionale',
    },
  ]);
});

it('rejects the lines of a Latin-1 file read as UTF-8, naming csv.encoding, and loads the rest', async () => {
  const path = join(temp.dir, 'latin1.csv');
  // An ASCII header, so only the records with accented cell names fail to decode.
  const text = LATIN1_TEXT.replace('début;durée;cellule', 'debut;duree;cellule');
  await writeFile(path, Buffer.from(`${text}\n`, 'latin1'));
  const profile = parseProviderProfile({
    ...latin1Profile('utf-8'),
    columns: { type: 'type', a: 'a', b: 'b', start: 'debut', duration: 'duree', cellId: 'cellule' },
  });
  const result = await temp.store.dataset('u').importFiles([path], profile);
  expect(result).toMatchObject({ read: 3, loaded: 0, rejected: 3 });
  const encodingReason =
    "not UTF-8 text (if the file is Latin-1, set the profile's csv.encoding to 'latin-1')";
  expect(result.firstRejects.map((r) => [r.line, r.reason])).toEqual([
    [2, encodingReason],
    [3, encodingReason],
    [4, encodingReason],
  ]);
});

it('refuses UTF-16 text by name with the remedy, with or without a header, and loads nothing', async () => {
  const path = join(temp.dir, 'utf16.csv');
  const generic = getProfile('generic');
  await writeFile(
    path,
    Buffer.from('\ufefftype,a,b,start\nvoice,07700900123,07700900456,2026-02-14T17:59:51Z\n', 'utf16le'),
  );
  const headerless = parseProviderProfile({
    ...generic,
    id: 'headerless',
    csv: { header: false, columnCount: 4 },
    columns: { type: 1, a: 2, b: 3, start: 4 },
  });
  for (const profile of [generic, headerless]) {
    expect(await importRefusal(temp.store.dataset('w'), [path], profile)).toMatchObject({
      field: 'files',
      message: expect.stringContaining('is UTF-16 text (byte-order mark FFFE); save it as UTF-8'),
    });
  }
  expect((await temp.store.dataset('w').stats()).records).toBe(0);
});

it('matches a header spelt in another case when only one column matches; two candidates are an error', async () => {
  const row = 'voice,07700900123,07700900456,2026-02-14T17:59:51Z,142,C1,,';
  const upper = join(temp.dir, 'upper.csv');
  await writeFile(upper, `TYPE,A,B,START,DURATION_S,CELL_ID,IMEI,IMSI\n${row}\n`);
  expect(await temp.store.dataset('c').importFiles([upper], getProfile('generic'))).toMatchObject({
    loaded: 1,
  });
  const twice = join(temp.dir, 'twice.csv');
  await writeFile(twice, `TYPE,Type,a,b,start,duration_s,cell_id,imei,imsi\nvoice,${row}\n`);
  expect(await importRefusal(temp.store.dataset('c'), [twice], getProfile('generic'))).toMatchObject({
    field: 'columns.type',
    message: expect.stringContaining("no column 'type'"),
  });
});

it('reads a file mixing CRLF and LF line ends (DuckDB refuses it whole) with its own line numbers', async () => {
  const path = join(temp.dir, 'mixed.txt.gz');
  // A SNAP edge list (sender receiver seconds) with lines appended by a second system.
  const text = ['1 2 100\r\n', '3 4 soon\r\n', '5 6 300\n', '7 8 x\n', '9 10 500\r\n'].join('');
  await writeFile(path, gzipSync(text));
  const ds = temp.store.dataset('m');
  const result = await ds.importFiles([path], getProfile('snap-temporal'));
  expect(result).toMatchObject({ read: 5, loaded: 3, rejected: 2 });
  expect(result.firstRejects.map((r) => [r.line, r.reason, r.raw])).toEqual([
    [2, 'bad time', '3 4 soon'],
    [4, 'bad time', '7 8 x'],
  ]);
  expect((await ds.firstEvents(10)).map((e) => [e.sourceLine, e.a, e.b])).toEqual([
    [1, '1', '2'],
    [3, '5', '6'],
    [5, '9', '10'],
  ]);
  expect((await readdir(temp.dir)).filter((n) => n.includes('.lf-'))).toEqual([]);
});

it('a file still unreadable once its line ends are mended is a 400 naming the file, not its copy', async () => {
  const path = join(temp.dir, 'stray-cr.txt');
  await writeFile(path, '1 2 100\r\n3 4 200\n5 6 300\r7 8 9\n'); // mixed, and a CR alone mid-file
  expect(await importRefusal(temp.store.dataset('cr'), [path], getProfile('snap-temporal'))).toMatchObject({
    field: 'files',
    message: expect.stringMatching(new RegExp(`^${path} cannot be read: Invalid Input Error`)),
  });
  expect((await readdir(temp.dir)).filter((n) => n.includes('.lf-'))).toEqual([]);
  expect((await temp.store.dataset('cr').stats()).records).toBe(0);
});
