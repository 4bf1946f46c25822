import { CommsIcon } from '../../ui/icons';
import type { ModuleDefinition } from '../module-definition';

export const commsModule: ModuleDefinition = {
  path: '/comms',
  title: 'Communications data',
  group: 'Intelligence',
  icon: CommsIcon,
  description: 'Applications for communications data, the records acquired under them, and their analysis.',
  summary: 'Applications, acquired call, message and location records, contact chaining and link charts.',
  emptyState: {
    title: 'Applications and acquired data',
    body: 'Applications for communications data and the call, message and location records acquired under them. Every analysis is checked against the numbers and dates the authorisation allows.',
    items: [
      'Applications with necessity, proportionality and collateral intrusion, approved by an independent authoriser',
      'Provider files (CSV, Parquet) ingested, normalised and de-duplicated, with progress shown',
      'Contact chaining up to three hops, common contacts, shortest and connecting paths',
      'Communities, centrality, co-location, call patterns and timelines, with link charts',
      'Cross-matching a new number against every current and past subject',
      "Exports for i2 Analyst's Notebook and FollowTheMoney",
    ],
  },
  usedBy: ['comms-spoc', 'analyst', 'designated-senior-officer'],
};
