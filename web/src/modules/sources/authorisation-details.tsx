import type { ReactNode } from 'react';
import type { AuthorisationView, CcaView } from '#shared/contracts/sources';
import { format } from '../../ui/format';
import {
  ccaGroundLabels,
  expectedMaterialLabels,
  statutoryGroundLabels,
  urgencyLabels,
} from './sources-labels';

/** A list of terms and what they say; empty ones are left out. */
export function Facts({ items, label }: { items: readonly [string, ReactNode, 'wide'?][]; label?: string }) {
  return (
    <dl className="source-facts" aria-label={label}>
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([term, value, wide]) => (
          <div key={term} className={wide ? 'source-facts__wide' : undefined}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The application as the AO reads it (LAW.md §1: every field the law asks for). */
export function ApplicationFacts({ authorisation: a }: { authorisation: AuthorisationView }) {
  return (
    <Facts
      label="The application"
      items={[
        ['Applied', `${format.dateTime(a.appliedAt)} by ${a.appliedBy.displayName}`],
        ['Put to', a.authorisingOfficer?.displayName],
        ['Operation', a.operation],
        ['Urgency', urgencyLabels[a.urgency]],
        ['Statutory ground', statutoryGroundLabels[a.ground], 'wide'],
        ['Necessity', a.necessity, 'wide'],
        ['Proportionality', a.proportionality, 'wide'],
        ['Purpose of the tasking', a.purpose, 'wide'],
        ['Conduct expected of the source', a.conduct, 'wide'],
        ['Collateral intrusion', a.collateralIntrusion, 'wide'],
        ['Why it is justified', a.collateralJustification, 'wide'],
        ['Confidential or privileged material', expectedMaterialLabels[a.expectedMaterial]],
        ['The material', a.materialDetails, 'wide'],
        ['Why urgent', a.urgencyReason, 'wide'],
        ['Against a parent or person with parental responsibility', a.againstParent ? 'Yes' : 'No'],
      ]}
    />
  );
}

/** The decision and the life of a granted authorisation. */
export function DecisionFacts({ authorisation: a }: { authorisation: AuthorisationView }) {
  if (!a.decidedAt) return null;
  return (
    <Facts
      label="The decision"
      items={[
        ['Decided', `${format.dateTime(a.decidedAt)} by ${a.decidedBy?.displayName ?? '—'}`],
        ['Granted', a.grantedAt ? format.dateTime(a.grantedAt) : null],
        ['Reviews every', a.reviewEveryDays ? `${a.reviewEveryDays} days` : null],
        [
          'At grant',
          [a.juvenileAtGrant && 'juvenile', a.vulnerableAtGrant && 'vulnerable'].filter(Boolean).join(', '),
        ],
        ['Reasons', a.decisionReasons, 'wide'],
        [
          'Cancelled',
          a.cancelledAt ? `${format.dateTime(a.cancelledAt)} by ${a.cancelledBy?.displayName ?? '—'}` : null,
        ],
        ['Reason for cancellation', a.cancellationReason, 'wide'],
      ]}
    />
  );
}

/** A criminal conduct authorisation as applied for and decided. */
export function CcaFacts({ cca }: { cca: CcaView }) {
  return (
    <Facts
      label="The criminal conduct authorisation"
      items={[
        ['Applied', `${format.dateTime(cca.appliedAt)} by ${cca.appliedBy.displayName}`],
        ['Grounds', ccaGroundLabels[cca.grounds]],
        ['Conduct', cca.conduct, 'wide'],
        ['Necessity', cca.necessity, 'wide'],
        ['Proportionality', cca.proportionality, 'wide'],
        ['Exceptional circumstances', cca.exceptionalCircumstances, 'wide'],
        ["The child's best interests", cca.bestInterests, 'wide'],
        [
          'Decided',
          cca.decidedAt ? `${format.dateTime(cca.decidedAt)} by ${cca.decidedBy?.displayName ?? '—'}` : null,
        ],
        ['Reasons', cca.reasons, 'wide'],
        ['Cancelled', cca.cancelledAt ? format.dateTime(cca.cancelledAt) : null],
        ['Reason for cancellation', cca.cancellationReason, 'wide'],
      ]}
    />
  );
}
