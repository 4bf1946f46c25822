import { useState } from 'react';
import type { SourceView } from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { ApproachRequestDialog, RecruitmentDialog } from './approach-forms';
import { ApproachRequests } from './approach-requests';
import { Facts } from './authorisation-details';
import { AssessmentDialog, AuthorityDialog } from './record-forms';
import { FlagList } from './source-flags';
import { expiryWarningDays } from './sources-columns';
import { assessmentKindLabels, sourceTypeLabels } from './sources-labels';

type Dialog = 'approach' | 'recruitment' | 'authority' | 'assessment' | null;

/**
 * The overview of a source: what it is and its derived flags, the approach and the recruitment as
 * recorded, other authorities involved, welfare assessments and, for an undercover officer, the
 * deployment counted per operation. The next step is offered only where the source's abilities allow it.
 */
export function SourceOverview({ source }: { source: SourceView }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  const { abilities, approach, recruitment } = source;
  return (
    <div className="source-page">
      <section className="source-section" aria-labelledby="overview-heading">
        <h2 className="source-section__title" id="overview-heading">
          Overview
        </h2>
        <Facts
          items={[
            [
              'URN',
              <span key="urn" className="sources-mono">
                {source.urn}
              </span>,
            ],
            ['Pseudonym', source.pseudonym],
            ['Type', sourceTypeLabels[source.type]],
            ['Marking', [source.classification, ...source.caveats].join(' ')],
            ['Handlers', source.handlers.map((h) => h.displayName).join(', ') || '—'],
            ['Registered', format.dateTime(source.createdAt)],
            [
              'Authorisation in force',
              source.flags.authorisationInForce && source.expiresAt ? (
                <span key="clocks" className="source-item__clocks">
                  <Clock
                    at={source.expiresAt}
                    label="Expires"
                    passedLabel="Expired"
                    warnWithinDays={expiryWarningDays}
                  />
                  {source.nextReviewDue ? (
                    <Clock
                      at={source.nextReviewDue}
                      label="Next review due"
                      passedLabel="Review overdue"
                      warnWithinDays={7}
                    />
                  ) : null}
                </span>
              ) : (
                'None'
              ),
              'wide',
            ],
            ['Flags', <FlagList key="flags" flags={source.flags} empty="None" />, 'wide'],
          ]}
        />
        {source.flags.under16 && !source.flags.appropriateAdultRecorded ? (
          <Alert tone="danger" title="No appropriate adult recorded">
            An appropriate adult must attend every meeting with a source under 16: name them in the identity
            vault.
          </Alert>
        ) : null}
        {source.status === 'prospect' && abilities.requestApproach ? (
          <Alert tone="info" role="note" title="Next: approval to approach">
            Nobody approaches a prospect before an authorising officer approves it. Request the approval: it
            goes to the queue of the authorising officers read into the source (name one under Roles).
          </Alert>
        ) : null}
        {source.closedReason ? <p className="sources-muted">Closed: {source.closedReason}</p> : null}
        <div className="source-actions">
          {abilities.requestApproach ? (
            <Button onClick={() => setDialog('approach')}>Request approval to approach</Button>
          ) : null}
          {abilities.recordRecruitment ? (
            <Button onClick={() => setDialog('recruitment')}>Record the recruitment</Button>
          ) : null}
          {abilities.update ? (
            <Button variant="secondary" onClick={() => setDialog('authority')}>
              Add another authority
            </Button>
          ) : null}
          {abilities.update ? (
            <Button variant="secondary" onClick={() => setDialog('assessment')}>
              Record an assessment
            </Button>
          ) : null}
        </div>
      </section>

      <ApproachRequests source={source} />

      {approach ? (
        <section className="source-section" aria-labelledby="approach-heading">
          <h2 className="source-section__title" id="approach-heading">
            Approach
          </h2>
          <Facts
            items={[
              ['Approved', `${format.dateTime(approach.approvedAt)} by ${approach.approvedBy.displayName}`],
              ['Approaching officer', approach.approachingOfficer.displayName],
              ['Why approach', approach.rationale, 'wide'],
              ['Risk', approach.risk, 'wide'],
              ['Bona-fides arrangement', approach.bonaFides, 'wide'],
            ]}
          />
        </section>
      ) : null}

      {recruitment ? (
        <section className="source-section" aria-labelledby="recruitment-heading">
          <h2 className="source-section__title" id="recruitment-heading">
            Recruitment
          </h2>
          <Facts
            items={[
              ['Recruited on', format.date(recruitment.recruitedOn)],
              [
                'Recorded',
                `${format.dateTime(recruitment.recordedAt)} by ${recruitment.recordedBy.displayName}`,
              ],
              ['Volunteers', recruitment.volunteers ? 'Yes, recorded' : 'No'],
              ['Circumstances', recruitment.circumstances, 'wide'],
              ['Motivation, in the source’s words', recruitment.motivation, 'wide'],
            ]}
          />
        </section>
      ) : null}

      {source.authorities.length > 0 ? (
        <section className="source-section" aria-labelledby="authorities-heading">
          <h2 className="source-section__title" id="authorities-heading">
            Other authorities involved
          </h2>
          <Facts
            items={source.authorities.map((a) => [a.authority, `refers to the source as ${a.reference}`])}
          />
        </section>
      ) : null}

      {source.assessments.length > 0 ? (
        <section className="source-section" aria-labelledby="assessments-heading">
          <h2 className="source-section__title" id="assessments-heading">
            Security and welfare
          </h2>
          <ul className="source-list">
            {source.assessments.map((a) => (
              <li key={a.id} className="source-item">
                <div className="source-item__head">
                  <span className="source-item__title">{assessmentKindLabels[a.kind]}</span>
                  <span className="sources-muted">
                    {format.date(a.assessedAt)} by {a.assessedBy.displayName}
                  </span>
                </div>
                <p>{a.summary}</p>
                <p className="sources-muted">
                  {a.vulnerable ? 'Assessed as vulnerable. ' : ''}
                  {a.explainedToSource ? 'Risks explained to and understood by the source.' : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {source.deployments.length > 0 ? (
        <section className="source-section" aria-labelledby="deployments-heading">
          <h2 className="source-section__title" id="deployments-heading">
            Deployment per operation
          </h2>
          <Facts
            label="Deployment per operation"
            items={source.deployments.map((d) => [
              d.operation,
              <span key={d.operation} className="flag-list">
                {d.days} days in force
                {d.longTerm ? <Badge tone="warning">Long-term</Badge> : null}
                {d.judicialApproval ? (
                  <span>
                    Judicial Commissioner approval {d.judicialApproval.reference} of{' '}
                    {format.date(d.judicialApproval.approvedOn)}
                  </span>
                ) : (
                  <span className={d.longTerm ? undefined : 'sources-muted'}>
                    No Judicial Commissioner approval recorded
                  </span>
                )}
              </span>,
              'wide',
            ])}
          />
        </section>
      ) : null}

      {dialog === 'approach' ? <ApproachRequestDialog source={source} isOpen onOpenChange={close} /> : null}
      {dialog === 'recruitment' ? <RecruitmentDialog source={source} isOpen onOpenChange={close} /> : null}
      {dialog === 'authority' ? <AuthorityDialog source={source} isOpen onOpenChange={close} /> : null}
      {dialog === 'assessment' ? <AssessmentDialog source={source} isOpen onOpenChange={close} /> : null}
    </div>
  );
}
