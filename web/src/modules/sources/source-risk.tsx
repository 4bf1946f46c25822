import { useState } from 'react';
import type { RiskAssessmentView } from '#shared/contracts/sources-handling';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { conductLabels, riskKindLabels, triggerLabels } from './handling-labels';
import { Detail, HandlingSection, type HandlingTabProps } from './handling-parts';
import { CompromiseDialog, ConfirmRiskDialog, RiskAssessmentDialog } from './risk-forms';

function AssessmentItem({
  a,
  onConfirm,
  onCorrect,
  mayConfirm,
  mayCorrect,
}: {
  a: RiskAssessmentView;
  onConfirm: () => void;
  onCorrect: () => void;
  mayConfirm: boolean;
  mayCorrect: boolean;
}) {
  return (
    <li className="source-item">
      <div className="source-item__head">
        <span className="source-item__title">Version {a.version}</span>
        <span>{riskKindLabels[a.kind]}</span>
        {a.confirmation ? (
          <Badge tone="success">Confirmed</Badge>
        ) : (
          <Badge tone="warning">Awaiting confirmation</Badge>
        )}
        {a.correctsId ? <Badge tone="info">Correction</Badge> : null}
      </div>
      <p className="sources-muted">
        By {a.assessedBy.displayName}, {format.dateTime(a.assessedAt)} ·{' '}
        <Clock
          at={a.reviewBy}
          label="Look again by"
          passedLabel="Re-assessment overdue"
          warnWithinDays={14}
        />
      </p>
      <dl className="handling-details">
        <Detail term="Security">{a.security}</Detail>
        <Detail term="Welfare">{a.welfare}</Detail>
        <Detail term="Physical welfare">{a.physicalWelfare}</Detail>
        <Detail term="Psychological welfare">{a.psychologicalWelfare}</Detail>
        <Detail term="Conduct considered">
          {a.conductCovered.length ? a.conductCovered.map((c) => conductLabels[c]).join(', ') : 'None'}
        </Detail>
        <Detail term="Why corrected">{a.correctionReason}</Detail>
        <Detail term="Confirmed (reg. 3(f))">
          {a.confirmation
            ? `${a.confirmation.by.displayName}, ${format.dateTime(a.confirmation.at)}: explained to the source ${
                a.confirmation.explainedToSource ? 'yes' : 'no'
              }, understood ${a.confirmation.understoodBySource ? 'yes' : 'no'}${
                a.confirmation.notes ? ` — ${a.confirmation.notes}` : ''
              }`
            : null}
        </Detail>
      </dl>
      <div className="source-actions">
        {mayConfirm && !a.confirmation ? (
          <Button size="sm" variant="secondary" onClick={onConfirm}>
            Confirm version {a.version}
          </Button>
        ) : null}
        {mayCorrect ? (
          <Button size="sm" variant="ghost" onClick={onCorrect}>
            Correct version {a.version}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Risk (reg. 3(e)(f)): the versioned assessments, newest first, each with the AO's confirmation,
 * and the re-assessments the triggers raised with their due dates.
 */
export function SourceRisk({ source, handling }: HandlingTabProps) {
  const [assessing, setAssessing] = useState(false);
  const [compromise, setCompromise] = useState(false);
  const [confirming, setConfirming] = useState<RiskAssessmentView | null>(null);
  const [correcting, setCorrecting] = useState<RiskAssessmentView | null>(null);
  const { abilities } = handling;
  const versions = [...handling.riskAssessments].reverse();
  const tasks = handling.handlerTasks;
  return (
    <div className="source-page">
      <HandlingSection
        id="risk"
        title="Risk assessments"
        actions={
          abilities.assess ? (
            <>
              <Button variant="secondary" onClick={() => setAssessing(true)}>
                Assess the risk
              </Button>
              <Button variant="ghost" onClick={() => setCompromise(true)}>
                Record a compromise indicator
              </Button>
            </>
          ) : null
        }
      >
        {versions.length === 0 ? (
          <p className="sources-muted">No risk assessment recorded yet.</p>
        ) : (
          <ul className="source-list" aria-label="Risk assessments">
            {versions.map((a) => (
              <AssessmentItem
                key={a.id}
                a={a}
                mayConfirm={abilities.confirmAssessment}
                mayCorrect={abilities.assess}
                onConfirm={() => setConfirming(a)}
                onCorrect={() => setCorrecting(a)}
              />
            ))}
          </ul>
        )}
      </HandlingSection>
      <HandlingSection id="reassessments" title="Re-assessments due">
        {tasks.length === 0 ? (
          <p className="sources-muted">Nothing has raised a re-assessment.</p>
        ) : (
          <ul className="source-list" aria-label="Re-assessments">
            {tasks.map((t) => (
              <li key={t.id} className="source-item">
                <div className="source-item__head">
                  <span className="source-item__title">{triggerLabels[t.trigger]}</span>
                  {t.doneAt ? (
                    <Badge tone="success">Done {format.date(t.doneAt)}</Badge>
                  ) : (
                    <Clock at={t.dueAt} label="Due" passedLabel="Overdue" warnWithinDays={3} />
                  )}
                </div>
                <p className="sources-muted">{t.details}</p>
              </li>
            ))}
          </ul>
        )}
      </HandlingSection>
      {assessing ? <RiskAssessmentDialog source={source} isOpen onOpenChange={setAssessing} /> : null}
      {correcting ? (
        <RiskAssessmentDialog
          source={source}
          corrects={correcting}
          isOpen
          onOpenChange={(open) => setCorrecting(open ? correcting : null)}
        />
      ) : null}
      {compromise ? <CompromiseDialog source={source} isOpen onOpenChange={setCompromise} /> : null}
      {confirming ? (
        <ConfirmRiskDialog
          source={source}
          assessment={confirming}
          isOpen
          onOpenChange={(open) => setConfirming(open ? confirming : null)}
        />
      ) : null}
    </div>
  );
}
