import { defineManifest } from '../modules/manifest';

/** Communications data (IPA 2016 Part 3): datasets acquired under an authorisation, and their analysis. */
export const commsManifest = defineManifest({
  name: 'comms',
  title: 'Communications data',
  permissions: {
    'comms:read': {
      description: 'See the datasets one is read into and run analyses within their authorisation',
      roles: ['analyst', 'comms-spoc', 'designated-senior-officer', 'inspector'],
    },
    'comms:import': {
      description: 'Register datasets, import provider files and cell sites, keep the watchlist',
      roles: ['analyst', 'comms-spoc'],
    },
    'comms:destroy': {
      description: "Destroy a dataset's acquired records (retention ended, or collateral data to delete)",
      roles: ['comms-spoc', 'designated-senior-officer'],
    },
  },
  compartmentKinds: ['dataset'],
});
