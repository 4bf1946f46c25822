import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { watchlistAddBody, watchlistAdded, watchlistPage } from '#shared/contracts/comms';
import { CliError } from '../api/cli-error';
import type { Api } from '../modules';
import { checked, count } from './comms-shared';
import { output } from './list-output';

interface Entry {
  number: string;
  subjectRef: string;
}

/** `number,subject_ref` lines (a header line naming them is skipped; blank lines too). */
async function entriesOf(file: string): Promise<Entry[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError('VALIDATION_FAILED', `Cannot read ${file}: ${error.code ?? error.message}.`);
  });
  const entries: Entry[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const comma = line.indexOf(',');
    if (comma < 0)
      throw new CliError('VALIDATION_FAILED', `${file}:${i + 1}: expected number,subject_ref on each line.`);
    const [number, subjectRef] = [line.slice(0, comma).trim(), line.slice(comma + 1).trim()];
    if (i === 0 && number.toLowerCase() === 'number') continue;
    entries.push({ number, subjectRef });
  }
  return entries;
}

/** `lantern comms watchlist …`: the subjects' numbers every dataset's standing index matches. */
export function registerCommsWatchlistCommands(comms: Command, api: Api): void {
  const watchlist = comms
    .command('watchlist')
    .description("The watchlist of subjects' numbers (matched by `comms watchlist-match`)");

  watchlist
    .command('add')
    .description('Add numbers to the watchlist: one with --number and --subject, or many from a CSV file')
    .option('--number <number>', 'a watched number')
    .option('--subject <reference>', 'the subject it belongs to (a reference, not a name)')
    .option('--file <csv>', 'number,subject_ref lines')
    .action(async (o: { number?: string; subject?: string; file?: string }) => {
      const one = o.number !== undefined || o.subject !== undefined;
      if (one === (o.file !== undefined))
        throw new CliError('VALIDATION_FAILED', 'Give --number and --subject, or --file (not both).');
      if (one && (o.number === undefined || o.subject === undefined))
        throw new CliError('VALIDATION_FAILED', '--number and --subject go together.');
      const entries = o.file ? await entriesOf(o.file) : [{ number: o.number!, subjectRef: o.subject! }];
      checked(watchlistAddBody, { entries });
      const { added } = await (await api()).post('/api/comms/watchlist', { entries }, watchlistAdded);
      process.stdout.write(`Added ${count(added)} watchlist entries (of ${count(entries.length)} given).\n`);
    });

  watchlist
    .command('list')
    .description('The watchlist (one page; reading it is audited)')
    .option('--number <number>', 'only the entries for this number')
    .option('--limit <n>', 'entries per page (at most 500)', '500')
    .option('--offset <n>', 'entries skipped', '0')
    .option('--json', 'print JSON')
    .action(async (o: { number?: string; limit: string; offset: string; json?: boolean }) => {
      const page = await (await api()).get('/api/comms/watchlist', watchlistPage, {
        number: o.number,
        limit: Number(o.limit),
        offset: Number(o.offset),
      });
      output(o.json, page, () =>
        page.items.map((e) => ({ number: e.number, subject: e.subjectRef, added: e.createdAt })),
      );
      if (!o.json && page.offset + page.items.length < page.total)
        process.stdout.write(
          `showing ${count(page.items.length)} of ${count(page.total)} from ${count(page.offset)}; --offset to see more\n`,
        );
    });
}
