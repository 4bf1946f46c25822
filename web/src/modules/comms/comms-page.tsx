import { Card } from '../../ui/card';
import { CommsIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { commsModule } from './comms.module';
import './comms.css';

/** What exists of this module today, and where it is used: nothing more (issue 19, item 10). */
const available = [
  {
    what: 'Datasets',
    how: 'register a dataset of acquired records, list those you are read into, destroy its records with a recorded reason',
  },
  {
    what: 'Imports',
    how: 'load provider files (CSV, gzip, Parquet) and cell sites, with progress and every line accounted for; provider profiles say how each provider’s files are read',
  },
  {
    what: 'Analyses',
    how: 'contact chains, common contacts, paths, networks, communities, centrality, co-location, timelines and statistics, each within the scope of the authorisation',
  },
  { what: 'Watchlist', how: 'numbers of interest, matched against the datasets' },
];

export function CommsPage() {
  return (
    <>
      <PageHeader
        eyebrow={commsModule.nav?.group}
        title={commsModule.nav?.title ?? 'Communications data'}
        description="Datasets of acquired call, message and location records, and their analysis."
      />
      <Card className="comms-now" aria-labelledby="comms-now-heading">
        <span className="comms-now__icon" aria-hidden="true">
          <CommsIcon />
        </span>
        <div className="comms-now__text">
          <h2 id="comms-now-heading" className="comms-now__title">
            No screens yet: use the command line or the API
          </h2>
          <p>
            This module runs today through <code>lantern comms</code> (see <code>lantern comms --help</code>)
            and the API, documented at <a href="/api/docs">/api/docs</a>. What you may do there follows your
            permissions and the datasets you are read into.
          </p>
          <dl className="comms-now__list">
            {available.map((item) => (
              <div key={item.what}>
                <dt>{item.what}</dt>
                <dd>{item.how}</dd>
              </div>
            ))}
          </dl>
        </div>
      </Card>
    </>
  );
}
