import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { getProfile } from '../profiles/profile-registry.js';
import { fixturesDir, tempDirPerTest } from './fixtures/test-helpers.js';
import { InputFileError } from './input-file-error.js';
import { previewImport } from './preview-import.js';
import { parseProviderProfile } from './provider-profile.schema.js';
import { sqlString } from './sql-literal.js';

const temp = tempDirPerTest();
const generic = join(fixturesDir, 'generic.csv');

describe('previewImport', () => {
  it("runs the real import on the first records: stored values, rejects on the file's own lines", async () => {
    const preview = await previewImport(generic, getProfile('generic'), { limit: 6, workDir: temp.dir });
    // Lines 2-7 of the fixture: two good records, a copy of line 2 once normalised, three rejects.
    expect(preview.sample).toEqual({
      read: 6,
      loaded: 2,
      duplicates: 1,
      rejected: 3,
      rejectReasons: { 'empty A party': 1, 'bad B number': 1, 'bad time': 1 },
    });
    expect(
      preview.events.map((e) => [
        e.sourceLine,
        e.type,
        e.a,
        e.b,
        e.start.toISOString(),
        e.durationS,
        e.cellId,
      ]),
    ).toEqual([
      [2, 'voice', '+447700900123', '+447700900456', '2024-03-01T10:00:00.000Z', 60, 'C1'],
      [3, 'sms', '+447700900123', '+447700900456', '2024-03-01T10:05:00.000Z', null, 'C1'],
    ]);
    expect(preview.rejects.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [5, 'empty A party', 'voice,,+447700900456,2024-03-01T11:00:00Z,10,C2,,'],
      [6, 'bad B number', 'voice,07700900123,not-a-number,2024-03-01T11:00:00Z,10,C2,,'],
      [7, 'bad time', 'voice,07700900123,07700900456,2024-13-45T99:00:00Z,10,C2,,'],
    ]);
    expect(await readdir(temp.dir)).toEqual([]); // the throw-away dataset is gone
  });

  it('reads a gzip-compressed file and a Parquet file alike', async () => {
    const gz = join(temp.dir, 'records.csv.gz');
    await writeFile(gz, gzipSync(await readFile(generic)));
    const parquet = join(temp.dir, 'records.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM read_csv(${sqlString(generic)}, all_varchar = true, strict_mode = false, ignore_errors = true))
       TO ${sqlString(parquet)} (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    const plain = await previewImport(generic, getProfile('generic'), { limit: 3, workDir: temp.dir });
    const fromGz = await previewImport(gz, getProfile('generic'), { limit: 3, workDir: temp.dir });
    expect(fromGz).toEqual(plain);
    const parquetProfile = parseProviderProfile({
      ...getProfile('generic'),
      id: 'generic-parquet',
      format: 'parquet',
    });
    const fromParquet = await previewImport(parquet, parquetProfile, { limit: 3, workDir: temp.dir });
    const values = (p: typeof plain) =>
      p.events.map((e) => [e.type, e.a, e.b, e.start.getTime(), e.durationS]);
    expect(values(fromParquet)).toEqual(values(plain));
    expect(fromParquet.sample).toMatchObject({ read: 3, loaded: 2, duplicates: 1 });
  });

  it('names the missing column (and the delimiter the header seems to use) or the empty file, and leaves nothing behind', async () => {
    const semi = join(temp.dir, 'semi.csv');
    await writeFile(semi, 'type;a;b;start\nvoice;1;2;2024-01-01T00:00:00Z\n');
    const error = await previewImport(semi, getProfile('generic'), { workDir: temp.dir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputFileError);
    expect(error).toMatchObject({
      field: 'columns.type',
      message: expect.stringContaining('is the delimiter ";"?'),
    });
    expect(await readdir(temp.dir)).toEqual(['semi.csv']);
    // An error about the throw-away sample names the caller's file instead.
    const empty = join(temp.dir, 'empty.csv');
    await writeFile(empty, '');
    const emptyError = await previewImport(empty, getProfile('generic'), { workDir: temp.dir }).catch(
      (e: unknown) => e,
    );
    expect(emptyError).toMatchObject({ field: 'files', message: `${empty} is empty: no header line` });
  });
});
