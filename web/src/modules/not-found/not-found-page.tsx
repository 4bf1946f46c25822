import { Link, useLocation } from '@tanstack/react-router';
import { PageHeader } from '../../ui/page-header';
import './not-found.css';

/**
 * A page that does not exist. The wording also fits a record the user may not see: Lantern answers
 * those with 404 too, so the page must not hint which of the two it is.
 */
export function NotFoundPage({ standalone = false }: { standalone?: boolean }) {
  const { pathname } = useLocation();
  const body = (
    <div className="not-found">
      <PageHeader title="Page not found" eyebrow="Error 404" />
      <p>
        There is nothing at <code className="not-found__path">{pathname}</code> that you can see. If you typed
        the address, check it; if you followed a link, it may be out of date.
      </p>
      <p>
        <Link to="/">Go to the dashboard</Link>
      </p>
    </div>
  );
  return standalone ? <main className="not-found--standalone">{body}</main> : body;
}
