import { type Page, parseSort } from '#shared/contracts/pagination';
import type {
  CentralRecordExportQuery,
  CentralRecordQuery,
  CentralRecordRow,
} from '#shared/contracts/sources';
import type { AppContext } from '../../../app-context';
import type { Tx } from '../../../db/client';
import { withActorTx } from '../../../platform/access/actor-tx';
import { recordAudit } from '../../../platform/audit/audit.service';
import type { UserScope } from '../../../platform/request-scope';
import { ccasOf, renewalsOf } from '../authorisations.repo';
import { authorisationState } from '../source-facts';
import { type CentralRecordEntry, centralRecordEntries, countCentralRecord } from '../source-lists.repo';
import { retainUntil, type SourcesRuleConfig } from '../sources.rules';

/** Rows an export holds at most. */
export const CENTRAL_RECORD_EXPORT_LIMIT = 10_000;

async function rowsOf(tx: Tx, entries: CentralRecordEntry[], now: Date, config: SourcesRuleConfig) {
  const sourceIds = [...new Set(entries.map((e) => e.source.id))];
  const [renewals, ccas] = await Promise.all([renewalsOf(tx, sourceIds), ccasOf(tx, sourceIds)]);
  return entries.map(({ source, authorisation: a }): CentralRecordRow => {
    const state = authorisationState(a, now);
    const ended = a.cancelledAt ?? (state === 'expired' ? a.expiresAt : null);
    return {
      authorisationId: a.id,
      sourceId: source.id,
      urn: source.urn,
      pseudonym: source.pseudonym,
      state,
      urgency: a.urgency,
      grantedAt: a.grantedAt?.toISOString() ?? null,
      renewedAt: renewals
        .filter((r) => r.authorisationId === a.id && r.status === 'granted' && r.decidedAt)
        .map((r) => r.decidedAt!.toISOString()),
      cancelledAt: a.cancelledAt?.toISOString() ?? null,
      expiresAt: a.expiresAt?.toISOString() ?? null,
      endedAt: ended?.toISOString() ?? null,
      retainUntil: ended ? retainUntil(ended, config).toISOString() : null,
      juvenile: a.juvenileAtGrant,
      vulnerable: a.vulnerableAtGrant,
      cca: ccas.some((c) => c.authorisationId === a.id && c.grantedAt !== null),
    };
  });
}

/**
 * The central record of authorisations (LAW.md §3), one page: per authorisation of a source the
 * actor may see, its URN, pseudonym, dates granted, renewed and cancelled, urgency and the flags at
 * grant; with the date it must be kept until (3 years after it ended by default). Rows are never
 * deleted here: a retention review decides.
 */
export function readCentralRecord(
  ctx: AppContext,
  scope: UserScope,
  query: CentralRecordQuery,
): Promise<Page<CentralRecordRow>> {
  return withActorTx(ctx, scope, async (tx) => {
    if (query.q)
      await recordAudit(tx, scope, {
        action: 'sources.central-record.search',
        recordType: 'sources',
        fields: ['q'],
      });
    const entries = await centralRecordEntries(tx, {
      q: query.q,
      sort: parseSort(query.sort),
      limit: query.limit,
      offset: query.offset,
    });
    return {
      items: await rowsOf(tx, entries, scope.clock.now(), ctx.config.sources),
      total: await countCentralRecord(tx, query.q),
      limit: query.limit,
      offset: query.offset,
    };
  });
}

const csvColumns: (keyof CentralRecordRow)[] = [
  'urn',
  'pseudonym',
  'state',
  'urgency',
  'grantedAt',
  'renewedAt',
  'cancelledAt',
  'expiresAt',
  'endedAt',
  'retainUntil',
  'juvenile',
  'vulnerable',
  'cca',
];

/** One CSV cell: quoted, quotes doubled, and a leading =, +, - or @ defused so a spreadsheet never runs it. */
export function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(' ') : value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The central record the actor may see, as CSV (RFC 4180, CRLF): searched (`q`) and ordered as the
 * page asks, every matching row; the export is audited, the search by its parameter's name.
 */
export function exportCentralRecord(
  ctx: AppContext,
  scope: UserScope,
  query: CentralRecordExportQuery = { sort: 'urn' },
): Promise<string> {
  return withActorTx(ctx, scope, async (tx) => {
    const entries = await centralRecordEntries(tx, {
      q: query.q,
      sort: parseSort(query.sort),
      limit: CENTRAL_RECORD_EXPORT_LIMIT,
      offset: 0,
    });
    const rows = await rowsOf(tx, entries, scope.clock.now(), ctx.config.sources);
    await recordAudit(tx, scope, {
      action: 'sources.central-record.export',
      recordType: 'sources',
      fields: query.q ? [...csvColumns, 'q'] : csvColumns,
    });
    const lines = [csvColumns.join(','), ...rows.map((r) => csvColumns.map((c) => csvCell(r[c])).join(','))];
    return `${lines.join('\r\n')}\r\n`;
  });
}
