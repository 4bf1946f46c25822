import { watchlistAddBody, watchlistAdded, watchlistListQuery, watchlistPage } from '#shared/contracts/comms';
import type { AppContext } from '../../../app-context';
import { defineRoute, type RouteDefinition } from '../../../platform/modules/define-route';
import { presentWatchlistEntry } from '../comms.presenter';
import type { CommsServices } from '../comms-services';
import { addWatchlistEntries, readWatchlist } from '../use-cases/watchlist';
import { importAccess, readAccess } from './comms-access';

/** The watchlist of subjects' numbers that every dataset's standing index cross-matches. */
export function watchlistRoutes(_ctx: AppContext, services: CommsServices): RouteDefinition[] {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/comms/watchlist',
      access: importAccess,
      summary: "Add subjects' numbers to the watchlist",
      body: watchlistAddBody,
      status: 201,
      response: watchlistAdded,
      handler: async ({ body, scope }) => ({
        added: await addWatchlistEntries(services, body.entries, scope),
      }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/comms/watchlist',
      access: readAccess,
      summary: 'The watchlist, one page (the read audited)',
      query: watchlistListQuery,
      response: watchlistPage,
      handler: async ({ query, scope }) => {
        const page = await readWatchlist(services, query, scope);
        return { ...page, items: page.items.map(presentWatchlistEntry) };
      },
    }),
  ];
}
