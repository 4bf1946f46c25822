import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { databaseLabel, healthQuery } from '../api/health.api';
import { ClassificationBanner } from '../layout/classification-banner';
import { LanternMark } from '../ui/icons';
import { SignInForm } from './sign-in-form';
import './sign-in.css';

export function SignInPage() {
  const { data: health } = useQuery(healthQuery);
  useEffect(() => {
    document.title = 'Sign in · Lantern';
  }, []);
  return (
    <div className="sign-in">
      <ClassificationBanner position="top" />
      <main className="sign-in__main">
        <div className="sign-in__column">
          <div className="sign-in__brand">
            <span className="sign-in__mark" aria-hidden="true">
              <LanternMark width={28} height={28} />
            </span>
            <div>
              <p className="sign-in__product">Lantern</p>
              <p className="sign-in__tagline">Operations platform</p>
            </div>
          </div>
          <div className="sign-in__panel">
            <SignInForm />
          </div>
          <p className="sign-in__notice">
            For authorised users only. Everything you do in Lantern is recorded and may be reviewed by an
            independent inspector.
          </p>
          {health ? (
            <p className="sign-in__version">
              Lantern {health.version} · {databaseLabel(health.db)}
            </p>
          ) : null}
        </div>
      </main>
      <ClassificationBanner position="bottom" />
    </div>
  );
}
