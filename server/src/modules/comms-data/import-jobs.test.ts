import { expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { ImportJobs } from './import-jobs';
import type { ImportResult } from './store/index.js';

const meta = { datasetId: 'd', profile: 'generic', files: [{ name: 'upload', bytes: 1 }], startedBy: null };
const result: ImportResult = {
  lines: 2,
  read: 1,
  loaded: 1,
  duplicates: 0,
  rejected: 0,
  outOfScope: 0,
  rejectsPath: '/tmp/r.csv',
  rejectReasons: {},
  firstRejects: [],
  warnings: [],
  files: [],
};

it('reports progress, passes its id to the run, and forgets the oldest of more than 100 ended jobs', async () => {
  const jobs = new ImportJobs(systemClock);
  const seen: string[] = [];
  const first = jobs.start(meta, async (onProgress, _signal, importId) => {
    seen.push(importId);
    onProgress({ phase: 'read', rowsDone: 5, bytesDone: 50, bytesTotal: 100 });
    return result;
  });
  expect(seen).toEqual([first.importId]);
  expect(jobs.get(first.importId)?.progress).toMatchObject({ phase: 'read', rowsDone: 5 });
  expect((await jobs.settled(first.importId))?.status).toBe('done');
  const later = Array.from({ length: 100 }, () => jobs.start(meta, async () => result));
  await jobs.drain();
  expect(jobs.get(first.importId)).toBeUndefined();
  expect(
    jobs.subscribe(
      first.importId,
      () => undefined,
      () => undefined,
    ),
  ).toBeUndefined();
  for (const j of later) expect(jobs.get(j.importId)?.status).toBe('done');
});

it('a cancelled job stops at its next progress report and says cancelled', async () => {
  const jobs = new ImportJobs(systemClock);
  let release: (() => void) | undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const job = jobs.start(meta, async (onProgress) => {
    await gate;
    onProgress({ phase: 'read', rowsDone: 1, bytesDone: 1, bytesTotal: 2 });
    return result;
  });
  expect(jobs.cancel(job.importId)).toBe(true);
  release?.();
  expect(await jobs.settled(job.importId)).toMatchObject({ status: 'cancelled', error: 'import cancelled' });
  expect(jobs.cancel(job.importId)).toBe(false);
});
