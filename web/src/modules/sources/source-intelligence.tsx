import { useState } from 'react';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { format } from '../../ui/format';
import { Detail, HandlingSection, type HandlingTabProps } from './handling-parts';
import { ProductDialog, ReportDialog } from './intelligence-forms';

/**
 * Intelligence (reg. 3(l)(m)): each report graded 3x5x2 with its Admiralty equivalent, and under it
 * the sanitised products released from it — to whom, under which handling code.
 */
export function SourceIntelligence({ source, handling }: HandlingTabProps) {
  const [reporting, setReporting] = useState(false);
  const [disseminating, setDisseminating] = useState<{ id: string; handling: 'P' | 'C' } | null>(null);
  const { abilities } = handling;
  const reports = [...handling.reports].reverse();
  return (
    <HandlingSection
      id="intelligence"
      title="Intelligence obtained"
      actions={
        abilities.report ? (
          <Button variant="secondary" onClick={() => setReporting(true)}>
            Record intelligence
          </Button>
        ) : null
      }
    >
      {reports.length === 0 ? (
        <p className="sources-muted">No intelligence recorded.</p>
      ) : (
        <ul className="source-list" aria-label="Reports">
          {reports.map((r) => {
            const products = handling.products.filter((p) => p.reportId === r.id);
            return (
              <li key={r.id} className="source-item">
                <div className="source-item__head">
                  <span className="source-item__title">Reported {format.dateTime(r.reportedAt)}</span>
                  <Badge tone="info">Graded {r.grading.code}</Badge>
                  <span>Admiralty {r.grading.admiralty}</span>
                </div>
                <p className="handling-text">{r.report}</p>
                <dl className="handling-details">
                  <Detail term="Conditions of sharing">{r.grading.handlingConditions}</Detail>
                  <Detail term="Recorded by">{`${r.recordedBy.displayName}, ${format.dateTime(r.recordedAt)}`}</Detail>
                </dl>
                {products.length > 0 ? (
                  <ul
                    className="source-list"
                    aria-label={`Products of the report of ${format.dateTime(r.reportedAt)}`}
                  >
                    {products.map((p) => (
                      <li key={p.id} className="source-item">
                        <div className="source-item__head">
                          <span className="source-item__title">
                            {p.reference} — {p.title}
                          </span>
                          <Badge>{[p.classification, ...p.caveats].join(' ')}</Badge>
                          <Badge tone="info">Handling {p.handling}</Badge>
                        </div>
                        <p className="handling-text">{p.text}</p>
                        <dl className="handling-details">
                          <Detail term="Conditions of sharing">{p.handlingConditions}</Detail>
                          <Detail term="Recipients">
                            {p.recipients.map((o) => o.displayName).join(', ')}
                          </Detail>
                          <Detail term="Released">{`${p.releasedBy.displayName}, ${format.dateTime(p.releasedAt)}`}</Detail>
                        </dl>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {abilities.disseminate ? (
                  <div>
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => setDisseminating({ id: r.id, handling: r.grading.handling })}
                    >
                      Disseminate a sanitised product
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {reporting ? (
        <ReportDialog source={source} handling={handling} isOpen onOpenChange={setReporting} />
      ) : null}
      {disseminating ? (
        <ProductDialog
          source={source}
          reportId={disseminating.id}
          handling={disseminating.handling}
          isOpen
          onOpenChange={(open) => setDisseminating(open ? disseminating : null)}
        />
      ) : null}
    </HandlingSection>
  );
}
