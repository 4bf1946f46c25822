import { type Command, InvalidArgumentError } from 'commander';
import { calendarView, completenessView, dashboardView } from '#shared/contracts/sources-handling';
import type { Api } from '../modules';
import { printTable } from '../output';
import { output } from './list-output';
import { dayOf, deadline, findSourceByUrn, when } from './sources-shared';

const day = 86_400_000;

/** `2027-03-08` or an ISO instant → the instant the API takes; anything else is refused. */
export function instantArg(value: string): string {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value;
  const t = Date.parse(text);
  if (Number.isNaN(t))
    throw new InvalidArgumentError(`"${value}" is not a date (YYYY-MM-DD) or an ISO instant`);
  return new Date(t).toISOString();
}

/** Monday 00:00 UTC of the week holding `now`, and the Monday after. */
export function thisWeek(now = new Date()): { from: string; to: string } {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * day;
  return { from: new Date(monday).toISOString(), to: new Date(monday + 7 * day).toISOString() };
}

function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

/**
 * `lantern sources meetings|record|dashboard`: the handler's calendar, a source's reg. 3
 * completeness report and the handler's (and controller's) dashboard — requests to the running
 * server as the signed-in user, audited as them. Sources are named by URN and pseudonym only.
 */
export function registerSourcesHandlingCommands(sources: Command, api: Api): void {
  sources
    .command('meetings')
    .description('Your calendar: the contacts of your sources, this week unless --from/--to say otherwise')
    .option('--from <date>', 'from this day or instant (inclusive; default Monday of this week)', instantArg)
    .option('--to <date>', 'to this day or instant (exclusive; default a week after --from)', instantArg)
    .option('--json', 'print JSON')
    .action(async (o: { from?: string; to?: string; json?: boolean }) => {
      const week = thisWeek();
      const from = o.from ?? week.from;
      const to = o.to ?? (o.from ? new Date(Date.parse(from) + 7 * day).toISOString() : week.to);
      const view = await (await api()).get('/api/sources/calendar', calendarView, { from, to });
      output(o.json, view, () =>
        view.items.map((i) => ({
          when: when(i.contact.occurredAt ?? i.contact.plannedAt),
          kind: i.contact.kind,
          state: i.contact.state,
          urn: i.urn,
          pseudonym: i.pseudonym,
          location: i.contact.location ?? '',
          flag: i.contact.flag ?? '',
        })),
      );
    });

  sources
    .command('record <urn>')
    .description('The completeness report of a source: reg. 3 (a)–(n) present, missing or not applicable')
    .option('--json', 'print JSON')
    .action(async (urn: string, o: { json?: boolean }) => {
      const client = await api();
      const source = await findSourceByUrn(client, urn);
      const view = await client.get(`/api/sources/${source.id}/completeness`, completenessView);
      if (o.json) {
        output(true, view, () => []);
        return;
      }
      const missing = view.particulars.filter((p) => p.state === 'missing').length;
      process.stdout.write(
        `${source.urn}  ${source.pseudonym}\n${view.complete ? 'complete' : `incomplete: ${missing} missing`}\n\n`,
      );
      printTable(
        view.particulars.map((p) => ({
          'reg. 3': `(${p.particular})`,
          particular: p.title,
          state: p.state,
          entries: p.count,
          'recorded at': p.recordedAt,
        })),
      );
    });

  sources
    .command('dashboard')
    .description('Your sources as handler and controller, meetings this week, what is due, expiring, waiting')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const d = await (await api()).get('/api/sources/dashboard', dashboardView);
      if (o.json) {
        output(true, d, () => []);
        return;
      }
      const ref = (s: { urn: string; pseudonym: string }) => `${s.urn} ${s.pseudonym}`;
      section('Sources I handle');
      printTable(d.asHandler.map((s) => ({ urn: s.urn, pseudonym: s.pseudonym, status: s.status })));
      section('Sources I control');
      printTable(d.asController.map((s) => ({ urn: s.urn, pseudonym: s.pseudonym, status: s.status })));
      section('Meetings this week');
      printTable(
        d.meetingsThisWeek.map((m) => ({
          when: when(m.contact.plannedAt),
          source: `${m.urn} ${m.pseudonym}`,
          kind: m.contact.kind,
          state: m.contact.state,
        })),
      );
      section('Re-assessments due');
      printTable(
        d.tasksDue.map((t) => ({ source: ref(t.source), trigger: t.trigger, due: deadline(t.dueAt) })),
      );
      section('Reviews due');
      printTable(d.reviewsDue.map((r) => ({ source: ref(r.source), due: deadline(r.dueAt) })));
      section('Expiring authorisations');
      printTable(
        d.expiringAuthorisations.map((e) => ({ source: ref(e.source), expires: deadline(e.expiresAt) })),
      );
      section('Rewards waiting for a decision');
      printTable(
        d.rewardsAwaitingDecision.map((r) => ({
          source: ref(r.source),
          amount: `£${(r.amountPence / 100).toFixed(2)}`,
        })),
      );
      section('Alerts');
      printTable(
        d.alerts.map((a) => ({ source: ref(a.source), kind: a.kind, at: dayOf(a.at), alert: a.message })),
      );
    });
}
