import type { Command } from 'commander';
import type { SourceView } from '#shared/contracts/sources';
import type { Api } from '../modules';
import { printTable } from '../output';
import { deadline, flagsOf, findSourceByUrn, when } from './sources-shared';

function section(title: string): void {
  process.stdout.write(`\n${title}\n`);
}

/** A source's record for a terminal: what its page shows, never its true identity. */
function printSource(s: SourceView): void {
  const lines = [
    `${s.urn}  ${s.pseudonym}`,
    `type: ${s.type}    status: ${s.status}    marking: ${[s.classification, ...s.caveats].join(' ')}`,
    `flags: ${flagsOf(s.flags) || 'none'}`,
    ...(s.expiresAt ? [`expires: ${deadline(s.expiresAt)}`] : []),
    ...(s.nextReviewDue ? [`next review: ${deadline(s.nextReviewDue)}`] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  section('Roles');
  printTable(
    s.roles.map((r) => ({
      role: r.role,
      officer: r.officer.displayName,
      from: when(r.from),
      to: when(r.to),
      current: r.current ? 'yes' : '',
      'hand-over': r.handedOverFromId ? 'yes' : '',
    })),
  );
  section('Authorisations');
  printTable(
    s.authorisations.map((a) => ({
      operation: a.operation,
      state: a.state,
      'in force': a.inForce ? 'yes' : '',
      urgency: a.urgency,
      applied: when(a.appliedAt),
      granted: when(a.grantedAt),
      expires: deadline(a.expiresAt),
      'next review': a.inForce ? deadline(a.nextReviewDue) : '',
      renewals: a.renewals.map((r) => r.state).join(' '),
      reviews: String(a.reviews.length),
    })),
  );
  if (s.ccas.length > 0) {
    section('Criminal conduct authorisations');
    printTable(
      s.ccas.flatMap((c) =>
        (c.notices.length > 0 ? c.notices : [null]).map((n) => ({
          state: c.state,
          'in force': c.inForce ? 'yes' : '',
          notice: n ? n.event : '',
          'notice due': n && !n.notifiedAt ? deadline(n.dueAt) : '',
          'notice given': n ? when(n.notifiedAt) : '',
        })),
      ),
    );
  }
  section('Alerts');
  printTable(s.alerts.map((a) => ({ kind: a.kind, at: when(a.at), alert: a.message })));
}

export function registerSourcesShowCommand(sources: Command, api: Api): void {
  sources
    .command('show')
    .description('One source by its URN: status, flags, roles, authorisations with their clocks, alerts')
    .argument('<urn>', 'the source’s unique reference number')
    .option('--json', 'print JSON')
    .action(async (urn: string, o: { json?: boolean }) => {
      const source = await findSourceByUrn(await api(), urn);
      if (o.json) process.stdout.write(`${JSON.stringify(source, null, 2)}\n`);
      else printSource(source);
    });
}
