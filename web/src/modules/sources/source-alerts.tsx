import { Link } from '@tanstack/react-router';
import type { SourceAlertView } from '#shared/contracts/sources';
import { Badge, type BadgeTone } from '../../ui/badge';
import { format } from '../../ui/format';
import { alertKindLabels } from './sources-labels';
import './source-alerts.css';

const alertTones: Record<SourceAlertView['kind'], BadgeTone> = {
  'authorisation-expiring': 'warning',
  'authorisation-expired': 'danger',
  'review-overdue': 'danger',
  'cca-notice-due': 'warning',
  'write-up-due': 'danger',
  'arrangements-lapsed': 'danger',
  'contact-after-cancellation': 'danger',
  'status-drift': 'danger',
  'break-glass': 'info',
  'reassessment-overdue': 'danger',
};

/**
 * Compliance alerts (LAW.md §1), each with its kind, what it says and when it was raised or falls
 * due; with `withSource`, the URN links to the source's page.
 */
export function SourceAlertList({
  alerts,
  withSource = false,
  label = 'Compliance alerts',
}: {
  alerts: readonly SourceAlertView[];
  withSource?: boolean;
  label?: string;
}) {
  return (
    <ul
      className={withSource ? 'source-alerts source-alerts--with-source' : 'source-alerts'}
      aria-label={label}
    >
      {alerts.map((alert) => (
        <li key={`${alert.kind}-${alert.sourceId}-${alert.subjectId ?? ''}-${alert.at}`}>
          <Badge tone={alertTones[alert.kind] ?? 'neutral'}>
            {alertKindLabels[alert.kind] ?? alert.kind}
          </Badge>
          {withSource ? (
            <span className="source-alerts__source">
              <Link to="/sources/$sourceId" params={{ sourceId: alert.sourceId }} className="sources-mono">
                {alert.urn}
              </Link>
              <span>{alert.pseudonym}</span>
            </span>
          ) : null}
          <span>{alert.message}</span>
          <time className="sources-muted" dateTime={alert.at}>
            {format.dateTime(alert.at)}
          </time>
        </li>
      ))}
    </ul>
  );
}
