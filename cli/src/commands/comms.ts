import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { destroyDatasetBody } from '#shared/contracts/comms';
import { type Classification, classificationSchema } from '#shared/contracts/markings';
import { listAllDatasets } from '../../../server/src/modules/comms-data/comms.repo';
import { presentDataset } from '../../../server/src/modules/comms-data/comms.presenter';
import { importView, listImports } from '../../../server/src/modules/comms-data/import-history';
import { progressView } from '../../../server/src/modules/comms-data/import-jobs';
import { createDataset } from '../../../server/src/modules/comms-data/use-cases/create-dataset';
import { destroyDataset } from '../../../server/src/modules/comms-data/use-cases/destroy-dataset';
import {
  importDatasetCellSites,
  importDatasetFiles,
} from '../../../server/src/modules/comms-data/use-cases/import-dataset-files';
import { datasetByName } from '../../../server/src/modules/comms-data/use-cases/run-analysis';
import { AppError } from '../../../server/src/platform/errors';
import { registerCommsAnalysisCommands } from './comms-analyses';
import { registerCommsProfileCommands } from './comms-profiles';
import { collect, count, DATASET_OPTION, output, periodEnd, periodStart, withComms } from './comms-shared';

function classification(value: string): Classification {
  const parsed = classificationSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`unknown classification "${value}"`);
  return parsed.data;
}

export function registerCommsCommands(program: Command): void {
  const comms = program.command('comms').description('Communications data: datasets, import, analyses');
  const datasets = comms.command('datasets').description('Datasets of acquired communications data');

  datasets
    .command('add')
    .description('Register a dataset and the authorisation it was acquired under')
    .requiredOption('--name <name>', 'name')
    .requiredOption('--provider <provider>', 'the communications service provider')
    .requiredOption('--authorisation <reference>', 'the authorisation reference')
    .requiredOption(
      '--from <date>',
      'start of the authorised period (2024-03-01: that day from 00:00 UTC; or a date and time)',
      periodStart,
    )
    .requiredOption(
      '--to <date>',
      'end of the authorised period, inclusive (2024-03-31: to the end of that day, 23:59:59.999 UTC)',
      periodEnd,
    )
    .option('--number <number>', 'an authorised number (repeat; none = all in the data)', collect, [])
    .option('--classification <c>', 'marking', classification, 'OFFICIAL-SENSITIVE' as Classification)
    .action(
      async (o: {
        name: string;
        provider: string;
        authorisation: string;
        from: string;
        to: string;
        number: string[];
        classification: Classification;
      }) => {
        await withComms(async (s) => {
          const row = await s.db.transaction((tx) =>
            createDataset(
              tx,
              s.clock,
              {
                name: o.name,
                provider: o.provider,
                authorisationRef: o.authorisation,
                authorisedFrom: o.from,
                authorisedTo: o.to,
                authorisedNumbers: o.number,
                classification: o.classification,
                caveats: [],
              },
              { actorId: null },
            ),
          );
          process.stdout.write(
            `Created dataset ${row.name} (${row.id}), authorised from ${row.authorisedFrom.toISOString()} to ${row.authorisedTo.toISOString()}.\n`,
          );
        });
      },
    );

  datasets
    .command('list')
    .description('List datasets')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withComms(async (s) => {
        const items = (await listAllDatasets(s.db)).map(presentDataset);
        output(o.json, items, () =>
          items.map((d) => ({
            name: d.name,
            id: d.id,
            provider: d.provider,
            authorisation: d.authorisationRef,
            from: d.authorisedFrom,
            to: d.authorisedTo,
            status: d.status,
            records: count(d.counts.records),
            numbers: count(d.counts.numbers),
            pairs: count(d.counts.pairs),
          })),
        );
      });
    });

  datasets
    .command('destroy')
    .description(
      "Destroy a dataset's acquired records (DuckDB file, graph snapshots, rejects files); the dataset stays as the record of it",
    )
    .requiredOption(...DATASET_OPTION)
    .requiredOption('--reason <text>', 'why (recorded on the dataset and in the audit trail)')
    .option('--json', 'print the dataset as JSON')
    .action(async (o: { dataset: string; reason: string; json?: boolean }) => {
      const parsed = destroyDatasetBody.safeParse({ reason: o.reason });
      if (!parsed.success)
        throw new AppError('VALIDATION_FAILED', `--reason: ${parsed.error.issues[0]?.message}`);
      await withComms(async (s) => {
        const row = await datasetByName(s.db, o.dataset);
        const destroyed = presentDataset(
          await destroyDataset(s, { datasetId: row.id, reason: parsed.data.reason, actorId: null }),
        );
        if (o.json) process.stdout.write(`${JSON.stringify(destroyed, null, 2)}\n`);
        else
          process.stdout.write(
            `Destroyed the records of ${destroyed.name} (${count(destroyed.counts.records)} records) at ${destroyed.destroyed?.at}.\n`,
          );
      });
    });

  comms
    .command('import')
    .description('Import provider files into a dataset (a progress bar with rate and ETA)')
    .requiredOption(...DATASET_OPTION)
    .option('--profile <profile>', 'provider profile id (see `comms profiles list`)', 'generic')
    .option('--json', 'print the summary as JSON')
    .argument('<files...>', 'CSV or Parquet files')
    .action(async (files: string[], o: { dataset: string; profile: string; json?: boolean }) => {
      await withComms(async (s) => {
        const row = await datasetByName(s.db, o.dataset);
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
        bar.start(100, 0, { phase: 'read', rows: 0, rate: 0 });
        let result: Awaited<ReturnType<typeof importDatasetFiles>>;
        try {
          result = await importDatasetFiles(s, {
            datasetId: row.id,
            files,
            profile: o.profile,
            actorId: null,
            // One rejects file per import, named as the API names them (the history points at each).
            rejectsPath: join(s.dir, `${row.id}.${randomUUID()}.rejects.csv`),
            onProgress: (p) => {
              const v = progressView(p, Date.now() - started);
              const pct = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 0;
              bar.update(Math.min(pct, 99), { phase: v.phase, rows: v.rowsDone, rate: v.rate });
            },
          });
          bar.update(100, { phase: 'done' });
        } finally {
          bar.stop();
        }
        const summary = {
          read: result.read,
          loaded: result.loaded,
          duplicates: result.duplicates,
          rejected: result.rejected,
          outOfScope: result.outOfScope,
          rejectsFile: result.rejectsPath,
          warnings: result.warnings,
          seconds: (Date.now() - started) / 1000,
        };
        if (o.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else {
          const outside =
            summary.outOfScope > 0 ? `, outside the authorisation ${count(summary.outOfScope)}` : '';
          process.stdout.write(
            `Imported into ${row.name}: read ${count(summary.read)}, loaded ${count(summary.loaded)}, duplicates ${count(summary.duplicates)}, rejected ${count(summary.rejected)}${outside} (rejects file: ${summary.rejectsFile}) in ${summary.seconds.toFixed(1)} s.\n`,
          );
          for (const w of summary.warnings) process.stdout.write(`  warning: ${w}\n`);
          const first = result.firstRejects.slice(0, 5);
          for (const r of first) process.stdout.write(`  rejected ${r.file}:${r.line}: ${r.reason}\n`);
          const listed = summary.rejected + summary.outOfScope;
          if (listed > first.length)
            process.stdout.write(`  … and ${count(listed - first.length)} more in the rejects file\n`);
        }
      });
    });

  comms
    .command('imports')
    .description("A dataset's import history: who imported what with which profile, and the outcome")
    .requiredOption(...DATASET_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { dataset: string; json?: boolean }) => {
      await withComms(async (s) => {
        const row = await datasetByName(s.db, o.dataset);
        const items = (await listImports(s.db, row.id)).map(importView);
        output(o.json, items, () =>
          items.map((i) => ({
            started: i.startedAt,
            status: i.status,
            profile: i.profile,
            files: i.files.map((f) => f.name).join(' '),
            read: count(i.result?.read),
            loaded: count(i.result?.loaded),
            duplicates: count(i.result?.duplicates),
            rejected: count(i.result?.rejected),
            error: i.error,
          })),
        );
      });
    });

  comms
    .command('import-cells')
    .description(
      'Import cell sites (CSV: cell_id,lat,lon[,azimuth]) into a dataset, for co-location within R metres',
    )
    .requiredOption(...DATASET_OPTION)
    .option('--json', 'print the summary as JSON')
    .argument('<file>', 'cell-site CSV')
    .action(async (file: string, o: { dataset: string; json?: boolean }) => {
      await withComms(async (s) => {
        const row = await datasetByName(s.db, o.dataset);
        const result = await importDatasetCellSites(s, { datasetId: row.id, file, actorId: null });
        if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else
          process.stdout.write(
            `Cell sites into ${row.name}: read ${count(result.read)}, loaded ${count(result.loaded)}, duplicates ${count(result.duplicates)}, rejected ${count(result.rejected)}.\n`,
          );
      });
    });

  registerCommsProfileCommands(comms);
  registerCommsAnalysisCommands(comms);
}
