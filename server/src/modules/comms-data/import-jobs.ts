import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type {
  ImportFileView,
  ImportJobView,
  ImportProgressView,
  ImportSummaryView,
} from '#shared/contracts/comms';
import { printable } from '#shared/printable';
import type { Clock } from '../../platform/clock';
import { QUEUED_PROGRESS } from './comms.presenter';
import type { ImportProgress, ImportResult } from './store/index.js';

/** Rate (rows/s since the start) and ETA (from bytes read) of a progress report. */
export function progressView(p: ImportProgress, elapsedMs: number): ImportProgressView {
  const seconds = Math.max(elapsedMs / 1000, 0.001);
  const fraction = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : 0;
  return {
    phase: p.phase,
    rowsDone: p.rowsDone,
    rowsTotal: p.rowsTotal ?? null,
    bytesDone: p.bytesDone,
    bytesTotal: p.bytesTotal,
    rate: Math.round(p.rowsDone / seconds),
    etaSeconds:
      fraction > 0 && fraction < 1
        ? Math.round((seconds * (1 - fraction)) / fraction)
        : fraction >= 1
          ? 0
          : null,
  };
}

/** Characters of a rejected line shown in a summary (the rejects file keeps the whole line). */
const RAW_SHOWN = 500;

/**
 * The summary of an import, safe to store and show: the raw text of rejected lines and the
 * warnings (which name files) made printable (PostgreSQL refuses NUL; a terminal acts on escapes).
 */
export function summaryView(r: ImportResult): ImportSummaryView {
  const sum = (key: 'headerLines' | 'blankLines' | 'continuationLines') =>
    r.files.reduce((s, f) => s + f[key], 0);
  return {
    lines: r.lines,
    headerLines: sum('headerLines'),
    blankLines: sum('blankLines'),
    continuationLines: sum('continuationLines'),
    read: r.read,
    loaded: r.loaded,
    duplicates: r.duplicates,
    rejected: r.rejected,
    outOfScope: r.outOfScope,
    rejectsPath: r.rejectsPath,
    rejectReasons: Object.fromEntries(Object.entries(r.rejectReasons).map(([k, v]) => [printable(k), v])),
    // The file is the upload's temporary name, meaningless to the caller: line, reason and text.
    firstRejects: r.firstRejects.map(({ line, reason, raw }) => ({
      line,
      reason: printable(reason),
      raw: raw === null ? null : printable(raw, RAW_SHOWN),
    })),
    warnings: r.warnings.map((w) => printable(w)),
  };
}

type Run = (
  onProgress: (p: ImportProgress) => void,
  signal: AbortSignal,
  importId: string,
) => Promise<ImportResult>;

interface Job {
  view: ImportJobView;
  events: EventEmitter;
  controller: AbortController;
  settled: Promise<void>;
}

/** Ended jobs kept in memory for their SSE subscribers; older ones are read from the history. */
const ENDED_KEPT = 100;

/**
 * The imports running in this process, so the API can report live progress (poll or Server-Sent
 * Events) and cancel. An import does not survive a restart: the store's import is atomic (ADR
 * 0006), so a dead import leaves its dataset as it was, and its history row (`comms_imports`, the
 * view once the job has left this registry) is marked interrupted by the next process.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly ended: string[] = [];

  constructor(private readonly clock: Clock) {}

  start(
    meta: { datasetId: string; profile: string; files: ImportFileView[]; startedBy: string | null },
    run: Run,
  ): ImportJobView {
    const importId = randomUUID();
    const started = this.clock.now();
    const view: ImportJobView = {
      importId,
      ...meta,
      status: 'running',
      progress: QUEUED_PROGRESS,
      result: null,
      error: null,
      startedAt: started.toISOString(),
      finishedAt: null,
    };
    const events = new EventEmitter();
    const controller = new AbortController();
    const onProgress = (p: ImportProgress) => {
      if (controller.signal.aborted) throw new Error('import cancelled');
      view.progress = progressView(p, this.clock.now().getTime() - started.getTime());
      events.emit('progress', view.progress);
    };
    const settled = run(onProgress, controller.signal, importId).then(
      (result) => {
        view.status = 'done';
        view.result = summaryView(result);
      },
      (error: unknown) => {
        view.status = controller.signal.aborted ? 'cancelled' : 'failed';
        view.error = error instanceof Error ? error.message : String(error);
      },
    );
    const job: Job = {
      view,
      events,
      controller,
      settled: settled.then(() => {
        view.finishedAt = this.clock.now().toISOString();
        events.emit('done', view);
        this.ended.push(importId);
        while (this.ended.length > ENDED_KEPT) this.jobs.delete(this.ended.shift()!);
      }),
    };
    this.jobs.set(importId, job);
    return view;
  }

  get(importId: string): ImportJobView | undefined {
    return this.jobs.get(importId)?.view;
  }

  /**
   * Calls `onProgress` for each report and `onDone` once at the end (at once if already over).
   * Undefined when the job is not in this registry (read its history row instead).
   */
  subscribe(
    importId: string,
    onProgress: (p: ImportProgressView) => void,
    onDone: (view: ImportJobView) => void,
  ): (() => void) | undefined {
    const job = this.jobs.get(importId);
    if (!job) return undefined;
    if (job.view.finishedAt) {
      onDone(job.view);
      return () => undefined;
    }
    job.events.on('progress', onProgress);
    job.events.once('done', onDone);
    return () => {
      job.events.off('progress', onProgress);
      job.events.off('done', onDone);
    };
  }

  /** Asks a running import to stop; the store rolls it back at its next progress report. */
  cancel(importId: string): boolean {
    const job = this.jobs.get(importId);
    if (!job || job.view.finishedAt) return false;
    job.controller.abort(new Error('import cancelled'));
    return true;
  }

  /** Waits for every import (shutdown: DuckDB must not close under a running import). */
  async drain(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.settled));
  }

  /** Resolves when the import has finished (tests, CLI). */
  async settled(importId: string): Promise<ImportJobView | undefined> {
    await this.jobs.get(importId)?.settled;
    return this.get(importId);
  }
}
