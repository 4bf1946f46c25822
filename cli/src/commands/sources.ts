import { type Command, InvalidArgumentError } from 'commander';
import {
  centralRecordPage,
  queueResponse,
  type SourceStatus,
  sourceAlertsResponse,
  sourcePage,
  sourceStatuses,
  sourceStatusSchema,
} from '#shared/contracts/sources';
import type { Api } from '../modules';
import { allPages, output } from './list-output';
import { dayOf, deadline, summaryRow, when } from './sources-shared';
import { registerSourcesHandlingCommands } from './sources-handling';
import { registerSourcesShowCommand } from './sources-show';

function status(value: string): SourceStatus {
  const parsed = sourceStatusSchema.safeParse(value);
  if (!parsed.success)
    throw new InvalidArgumentError(`unknown status "${value}" (one of ${sourceStatuses.join(', ')})`);
  return parsed.data;
}

/**
 * `lantern sources …`: the register of the sources one is read into, a source's record, the
 * compliance alerts, the AO's queue and the central record — each a request to the running server
 * as the signed-in user (their permissions and the sources they are read into; audited as them).
 * Sources are named by their URN; no command shows a true identity.
 */
export function registerSourcesCommands(program: Command, api: Api): void {
  const sources = program
    .command('sources')
    .description('Sources: the register, alerts, the authorising officer’s queue, the central record');

  sources
    .command('list')
    .description('List the sources you are read into (pseudonyms and URNs)')
    .option('--status <status>', `only sources in this status (${sourceStatuses.join(', ')})`, status)
    .option('--search <text>', 'only sources whose pseudonym or URN contains this')
    .option('--json', 'print JSON')
    .action(async (o: { status?: SourceStatus; search?: string; json?: boolean }) => {
      const items = await allPages(await api(), '/api/sources', sourcePage, {
        status: o.status,
        q: o.search,
      });
      output(o.json, items, () => items.map(summaryRow));
    });

  registerSourcesShowCommand(sources, api);
  registerSourcesHandlingCommands(sources, api);

  sources
    .command('alerts')
    .description(
      'Compliance alerts: authorisations expiring, reviews overdue, notices due, lapsed arrangements, status drift',
    )
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { items } = await (await api()).get('/api/sources/alerts', sourceAlertsResponse);
      output(o.json, items, () =>
        items.map((a) => ({
          kind: a.kind,
          urn: a.urn,
          pseudonym: a.pseudonym,
          at: when(a.at),
          alert: a.message,
        })),
      );
    });

  sources
    .command('queue')
    .description('What waits for your decision as authorising officer, oldest first, with its clock')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const { items } = await (await api()).get('/api/sources/queue', queueResponse);
      output(o.json, items, () =>
        items.map((i) => ({
          kind: i.kind,
          urn: i.urn,
          pseudonym: i.pseudonym,
          submitted: when(i.submittedAt),
          by: i.submittedBy.displayName,
          urgency: i.urgency,
          deadline: deadline(i.deadline),
          'higher level': i.higherLevel ? 'yes' : '',
          'yours to decide': i.mayDecide ? 'yes' : 'no',
        })),
      );
    });

  sources
    .command('central-record')
    .description('The central record of authorisations (LAW.md §3), as a table, JSON or CSV')
    .option('--csv', 'print the server’s CSV export')
    .option('--search <text>', 'only authorisations whose pseudonym or URN contains this')
    .option('--json', 'print JSON')
    .action(async (o: { csv?: boolean; search?: string; json?: boolean }) => {
      const client = await api();
      if (o.csv) {
        const query = o.search ? `?${new URLSearchParams({ q: o.search })}` : '';
        const response = await client.send(`/api/sources/central-record/export${query}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${client.connection.token}`, accept: 'text/csv' },
        });
        process.stdout.write(await response.text());
        return;
      }
      const items = await allPages(client, '/api/sources/central-record', centralRecordPage, { q: o.search });
      output(o.json, items, () =>
        items.map((r) => ({
          urn: r.urn,
          pseudonym: r.pseudonym,
          state: r.state,
          granted: dayOf(r.grantedAt),
          renewed: r.renewedAt.map(dayOf).join(' '),
          cancelled: dayOf(r.cancelledAt),
          ended: dayOf(r.endedAt),
          urgency: r.urgency,
          juvenile: r.juvenile ? 'yes' : '',
          vulnerable: r.vulnerable ? 'yes' : '',
          cca: r.cca ? 'yes' : '',
          'kept until': dayOf(r.retainUntil),
        })),
      );
    });
}
