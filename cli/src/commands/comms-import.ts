import { resolve } from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import {
  type DatasetView,
  importAccepted,
  type ImportJobView,
  type ImportProgressView,
  importJobView,
  importProgressView,
} from '#shared/contracts/comms';
import type { ApiClient } from '../api/client';
import { CliError } from '../api/cli-error';
import type { Api } from '../modules';
import { count, DATASET_OPTION, findDataset } from './comms-shared';

/** How a file travels as the request body: the server reads gzip and Parquet by their content. */
function contentTypeOf(file: string): string {
  const lower = file.toLowerCase();
  if (lower.endsWith('.gz')) return 'application/gzip';
  if (lower.endsWith('.parquet')) return 'application/octet-stream';
  return 'text/csv';
}

/** The import's live progress from its server-sent events, until its end (then its last view). */
async function follow(
  client: ApiClient,
  importId: string,
  onProgress: (p: ImportProgressView) => void,
): Promise<ImportJobView> {
  for await (const { event, data } of client.events(`/api/comms/imports/${importId}/events`)) {
    if (event === 'progress') {
      const progress = importProgressView.safeParse(data);
      if (progress.success) onProgress(progress.data);
    } else if (event === 'done') return importJobView.parse(data);
  }
  // The stream ended without its end (another server process runs it): ask until it is over.
  for (;;) {
    const view = await client.get(`/api/comms/imports/${importId}`, importJobView);
    if (view.status !== 'running') return view;
    onProgress(view.progress);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function failure(view: ImportJobView, file: string, dataset: DatasetView): CliError {
  switch (view.status) {
    case 'cancelled':
      return new CliError(
        'IMPORT_FAILED',
        `The import of ${file} into ${dataset.name} was cancelled; nothing was loaded.`,
      );
    case 'interrupted':
      return new CliError(
        'SERVICE_UNAVAILABLE',
        `The import of ${file} into ${dataset.name} was interrupted (the server stopped); nothing was loaded. Run it again.`,
      );
    default:
      return new CliError(
        'IMPORT_FAILED',
        `The import of ${file} into ${dataset.name} failed: ${view.error ?? 'no reason given'}`,
      );
  }
}

interface Imported {
  file: string;
  view: ImportJobView & { result: NonNullable<ImportJobView['result']> };
  seconds: number;
}

/**
 * One file: streamed to the server as the request body (the bar shows the upload), then the
 * import's progress from its events. Ctrl-C asks the server to cancel it.
 */
async function importFile(
  client: ApiClient,
  dataset: DatasetView,
  file: string,
  profile: string,
): Promise<Imported> {
  const bar = new cliProgress.SingleBar(
    {
      format: ' {bar} {percentage}% | {phase} | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(100, 0, { phase: 'upload', rows: 0, rate: 0 });
  let view: ImportJobView;
  let cancel: (() => void) | undefined;
  try {
    const accepted = await client.upload(`/api/comms/datasets/${dataset.id}/imports`, file, {
      query: { profile, name: resolve(file) },
      contentType: contentTypeOf(file),
      schema: importAccepted,
      onProgress: (sent, total) =>
        bar.update(total > 0 ? Math.min(99, Math.floor((100 * sent) / total)) : 0, { phase: 'upload' }),
    });
    bar.update(0, { phase: 'queued' });
    cancel = () => {
      process.stderr.write('\nCancelling the import…\n');
      void client.request('DELETE', `/api/comms/imports/${accepted.importId}`).catch(() => undefined);
    };
    process.once('SIGINT', cancel);
    view = await follow(client, accepted.importId, (p) => {
      const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
      bar.update(Math.min(pct, 99), { phase: p.phase, rows: p.rowsDone, rate: p.rate });
    });
    if (view.status === 'done') bar.update(100, { phase: 'done' });
  } finally {
    if (cancel) process.off('SIGINT', cancel);
    bar.stop();
  }
  if (view.status !== 'done' || !view.result) throw failure(view, file, dataset);
  return { file, view: view as Imported['view'], seconds: (Date.now() - started) / 1000 };
}

function summaryOf({ view, seconds }: Imported) {
  const r = view.result;
  return {
    importId: view.importId,
    read: r.read,
    loaded: r.loaded,
    duplicates: r.duplicates,
    rejected: r.rejected,
    outOfScope: r.outOfScope,
    /** On the server: the import's rejects file (every rejected and out-of-scope line). */
    rejectsFile: r.rejectsPath,
    warnings: r.warnings,
    seconds,
  };
}

function printSummary(dataset: DatasetView, imported: Imported): void {
  const summary = summaryOf(imported);
  const outside = summary.outOfScope > 0 ? `, outside the authorisation ${count(summary.outOfScope)}` : '';
  process.stdout.write(
    `Imported into ${dataset.name}: read ${count(summary.read)}, loaded ${count(summary.loaded)}, duplicates ${count(summary.duplicates)}, rejected ${count(summary.rejected)}${outside} (rejects file: ${summary.rejectsFile}) in ${summary.seconds.toFixed(1)} s.\n`,
  );
  for (const w of summary.warnings) process.stdout.write(`  warning: ${w}\n`);
  const first = imported.view.result.firstRejects.slice(0, 5);
  for (const r of first) process.stdout.write(`  rejected ${imported.file}:${r.line}: ${r.reason}\n`);
  const listed = summary.rejected + summary.outOfScope;
  if (listed > first.length)
    process.stdout.write(`  … and ${count(listed - first.length)} more in the rejects file\n`);
}

export function registerCommsImportCommand(comms: Command, api: Api): void {
  comms
    .command('import')
    .description(
      'Import provider files into a dataset (a progress bar with rate and ETA; each file its own import)',
    )
    .requiredOption(...DATASET_OPTION)
    .option('--profile <profile>', 'provider profile id (see `comms profiles list`)', 'generic')
    .option('--json', 'print the summary as JSON (an array of them for several files)')
    .argument('<files...>', 'CSV (plain or .gz) or Parquet files')
    .action(async (files: string[], o: { dataset: string; profile: string; json?: boolean }) => {
      const client = await api();
      const dataset = await findDataset(client, o.dataset);
      const done: Imported[] = [];
      for (const file of files) {
        const imported = await importFile(client, dataset, file, o.profile);
        done.push(imported);
        if (!o.json) printSummary(dataset, imported);
      }
      if (o.json) {
        const summaries = done.map(summaryOf);
        process.stdout.write(
          `${JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2)}\n`,
        );
      }
    });
}
