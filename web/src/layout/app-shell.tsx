import { useQuery } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { mustEnrolMfa } from '../auth/mfa-gate';
import { sessionQuery } from '../auth/session';
import { ToastRegion } from '../ui/toast';
import { ClassificationBanner } from './classification-banner';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';
import './app-shell.css';

/** The frame of every signed-in page; the page is the route's outlet unless given (the not-found page). */
export function AppShell({ children }: { children?: ReactNode }) {
  const { data: user } = useQuery(sessionQuery);
  const location = useLocation();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  // The session ended while the app was open: sign in again, then come back here.
  useEffect(() => {
    if (user === null) {
      void navigate({ to: '/sign-in', search: { redirect: location.href }, replace: true });
    }
  }, [user, navigate, location.href]);

  // After a client-side navigation, start the new page at its top and move focus to it, as a
  // full page load would, so screen-reader and keyboard users land on the new content.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = location.pathname;
    const main = mainRef.current;
    if (!main) return;
    main.scrollTop = 0;
    main.focus({ preventScroll: true });
  }, [location.pathname]);

  if (!user) return null;

  return (
    <div className="app-frame">
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <ClassificationBanner position="top" />
      <div className="shell">
        {/* Until two-step verification is set up (production), nothing else is open: no navigation. */}
        {mustEnrolMfa(user) ? null : <Sidebar />}
        <div className="shell__main">
          <TopBar user={user} />
          <main id="main-content" className="shell__content" ref={mainRef} tabIndex={-1}>
            <div className="shell__page">{children ?? <Outlet />}</div>
          </main>
        </div>
      </div>
      <ClassificationBanner position="bottom" />
      <ToastRegion />
    </div>
  );
}
