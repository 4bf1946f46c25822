import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { isApiError, NETWORK_ERROR } from '../api/client';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import './route-error-page.css';

/** Shown when a page cannot load at all, e.g. the server is down while checking the session. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const unreachable = isApiError(error, NETWORK_ERROR) || (isApiError(error) && error.status >= 500);
  return (
    <main className="route-error">
      <div className="route-error__panel">
        <h1>{unreachable ? 'Lantern is not answering' : 'This page could not be shown'}</h1>
        <Alert tone="danger">
          {unreachable
            ? 'The server could not be reached or had a problem. Try again in a moment; if it keeps happening, tell your system administrator.'
            : error instanceof Error
              ? error.message
              : 'Something went wrong while loading this page.'}
        </Alert>
        <div>
          <Button
            onClick={() => {
              reset();
              void router.invalidate();
            }}
          >
            Try again
          </Button>
        </div>
      </div>
    </main>
  );
}
