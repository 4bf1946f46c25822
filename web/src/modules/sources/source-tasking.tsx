import { useState } from 'react';
import type { AuthorisationView } from '#shared/contracts/sources';
import { Button } from '../../ui/button';
import { Clock } from '../../ui/clock-view';
import { format } from '../../ui/format';
import { conductLabels } from './handling-labels';
import { HandlingSection, type HandlingTabProps } from './handling-parts';
import { ConductScheduleDialog, TaskDialog } from './tasking-forms';

/**
 * Tasking (reg. 3(j)): per authorisation, the conduct its AO recorded it covers (the latest schedule
 * counts), and the tasks given, newest first. A task outside the schedule is refused by the server,
 * which names the rule in the form.
 */
export function SourceTasking({ source, handling }: HandlingTabProps) {
  const [tasking, setTasking] = useState(false);
  const [scheduling, setScheduling] = useState<AuthorisationView | null>(null);
  const { abilities } = handling;
  const open = source.authorisations.filter((a) => a.state === 'granted' || a.state === 'applied');
  const latest = (authorisationId: string) =>
    handling.conductSchedules.filter((s) => s.authorisationId === authorisationId).at(-1);
  const tasks = [...handling.taskings].reverse();
  return (
    <div className="source-page">
      <HandlingSection id="conduct" title="Conduct schedule">
        {open.length === 0 ? (
          <p className="sources-muted">No authorisation granted or awaiting decision.</p>
        ) : (
          <ul className="source-list" aria-label="Conduct schedules">
            {open.map((a) => {
              const schedule = latest(a.id);
              return (
                <li key={a.id} className="source-item">
                  <div className="source-item__head">
                    <span className="source-item__title">{a.operation}</span>
                  </div>
                  <p>
                    {schedule
                      ? schedule.categories.map((c) => conductLabels[c]).join(', ')
                      : 'No conduct recorded by the authorising officer yet: the source cannot be tasked under it.'}
                  </p>
                  {schedule ? (
                    <p className="sources-muted">
                      Recorded by {schedule.recordedBy.displayName}, {format.dateTime(schedule.recordedAt)}
                      {schedule.notes ? ` — ${schedule.notes}` : ''}
                    </p>
                  ) : null}
                  {abilities.confirmAssessment ? (
                    <div>
                      <Button size="sm" variant="secondary" onClick={() => setScheduling(a)}>
                        Record the conduct covered
                      </Button>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </HandlingSection>
      <HandlingSection
        id="tasks"
        title="Tasks"
        actions={
          abilities.task ? (
            <Button variant="secondary" onClick={() => setTasking(true)}>
              Task the source
            </Button>
          ) : null
        }
      >
        {tasks.length === 0 ? (
          <p className="sources-muted">No task given.</p>
        ) : (
          <ul className="source-list" aria-label="Tasks">
            {tasks.map((t) => (
              <li key={t.id} className="source-item">
                <div className="source-item__head">
                  <span className="source-item__title">{conductLabels[t.conduct]}</span>
                  {t.dueBy ? <Clock at={t.dueBy} label="Due" passedLabel="Was due" /> : null}
                </div>
                <p>{t.description}</p>
                <p className="sources-muted">
                  Given by {t.givenBy.displayName}, {format.dateTime(t.givenAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </HandlingSection>
      {tasking ? <TaskDialog source={source} isOpen onOpenChange={setTasking} /> : null}
      {scheduling ? (
        <ConductScheduleDialog
          source={source}
          authorisation={scheduling}
          current={latest(scheduling.id)?.categories ?? []}
          isOpen
          onOpenChange={(open) => setScheduling(open ? scheduling : null)}
        />
      ) : null}
    </div>
  );
}
