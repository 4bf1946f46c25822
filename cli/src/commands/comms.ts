import { type Command, InvalidArgumentError } from 'commander';
import {
  cellSiteImportResult,
  createDatasetBody,
  datasetPage,
  datasetView,
  destroyDatasetBody,
  importPage,
} from '#shared/contracts/comms';
import { type Classification, classificationSchema } from '#shared/contracts/markings';
import type { Api } from '../modules';
import { registerCommsAnalysisCommands } from './comms-analyses';
import { registerCommsImportCommand } from './comms-import';
import { registerCommsProfileCommands } from './comms-profiles';
import { checked, collect, count, DATASET_OPTION, findDataset, periodEnd, periodStart } from './comms-shared';
import { allPages, output } from './list-output';
import { registerCommsWatchlistCommands } from './comms-watchlist';

function classification(value: string): Classification {
  const parsed = classificationSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(`unknown classification "${value}"`);
  return parsed.data;
}

/**
 * `lantern comms …`: datasets, imports, profiles, analyses and the watchlist, each a request to the
 * running server as the signed-in user (their permissions, clearance and compartments; audited as
 * them). Datasets are named as the user sees them: by name, or by id when names repeat.
 */
export function registerCommsCommands(program: Command, api: Api): void {
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
        const body = {
          name: o.name,
          provider: o.provider,
          authorisationRef: o.authorisation,
          authorisedFrom: o.from,
          authorisedTo: o.to,
          authorisedNumbers: o.number,
          classification: o.classification,
        };
        checked(createDatasetBody, body, {
          authorisationRef: '--authorisation',
          authorisedFrom: '--from',
          authorisedTo: '--to',
        });
        const row = await (await api()).post('/api/comms/datasets', body, datasetView);
        process.stdout.write(
          `Created dataset ${row.name} (${row.id}), authorised from ${row.authorisedFrom} to ${row.authorisedTo}.\n`,
        );
      },
    );

  datasets
    .command('list')
    .description('List the datasets you can see')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await allPages(await api(), '/api/comms/datasets', datasetPage);
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

  datasets
    .command('destroy')
    .description(
      "Destroy a dataset's acquired records (DuckDB file, graph snapshots, rejects files); the dataset stays as the record of it",
    )
    .requiredOption(...DATASET_OPTION)
    .requiredOption('--reason <text>', 'why (recorded on the dataset and in the audit trail)')
    .option('--json', 'print the dataset as JSON')
    .action(async (o: { dataset: string; reason: string; json?: boolean }) => {
      checked(destroyDatasetBody, { reason: o.reason }, { reason: '--reason' });
      const client = await api();
      const row = await findDataset(client, o.dataset);
      const destroyed = await client.post(
        `/api/comms/datasets/${row.id}/destroy`,
        { reason: o.reason },
        datasetView,
      );
      if (o.json) process.stdout.write(`${JSON.stringify(destroyed, null, 2)}\n`);
      else
        process.stdout.write(
          `Destroyed the records of ${destroyed.name} (${count(destroyed.counts.records)} records) at ${destroyed.destroyed?.at}.\n`,
        );
    });

  registerCommsImportCommand(comms, api);

  comms
    .command('imports')
    .description("A dataset's import history: who imported what with which profile, and the outcome")
    .requiredOption(...DATASET_OPTION)
    .option('--json', 'print JSON')
    .action(async (o: { dataset: string; json?: boolean }) => {
      const client = await api();
      const row = await findDataset(client, o.dataset);
      const items = await allPages(client, `/api/comms/datasets/${row.id}/imports`, importPage);
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

  comms
    .command('import-cells')
    .description(
      'Import cell sites (CSV: cell_id,lat,lon[,azimuth]) into a dataset, for co-location within R metres',
    )
    .requiredOption(...DATASET_OPTION)
    .option('--json', 'print the summary as JSON')
    .argument('<file>', 'cell-site CSV')
    .action(async (file: string, o: { dataset: string; json?: boolean }) => {
      const client = await api();
      const row = await findDataset(client, o.dataset);
      const result = await client.upload(`/api/comms/datasets/${row.id}/cell-sites`, file, {
        contentType: 'text/csv',
        schema: cellSiteImportResult,
      });
      if (o.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        process.stdout.write(
          `Cell sites into ${row.name}: read ${count(result.read)}, loaded ${count(result.loaded)}, duplicates ${count(result.duplicates)}, rejected ${count(result.rejected)}.\n`,
        );
    });

  registerCommsProfileCommands(comms, api);
  registerCommsAnalysisCommands(comms, api);
  registerCommsWatchlistCommands(comms, api);
}
