import { Alert } from './alert';
import { sentence } from './form/field-messages';
import { type FormRefusal, type NamedRule, refusalOf } from './form/server-errors';

function RuleLine({ rule }: { rule: NamedRule }) {
  const text = rule.text ? ` ${sentence(rule.text)}${/[.!?]$/.test(rule.text) ? '' : '.'}` : '';
  return (
    <p className="refusal__rule">
      <strong>Rule: {rule.name}.</strong>
      {text}
    </p>
  );
}

/** A refusal shown as the server worded it, with the rule it names in plain words ("Rule: two-person. …"). */
export function RefusalMessage({ refusal, title }: { refusal: FormRefusal | undefined; title: string }) {
  if (!refusal || (!refusal.message && !refusal.rule)) return null;
  return (
    <Alert tone="danger" title={title}>
      {refusal.message ? <p>{refusal.message}</p> : null}
      {refusal.rule ? <RuleLine rule={refusal.rule} /> : null}
    </Alert>
  );
}

/** The error of an action that is not a form (a button: grant, revoke, disable), in the same words. */
export function RefusalAlert({
  error,
  title = 'The change was refused',
}: {
  error: unknown;
  title?: string;
}) {
  if (!error) return null;
  return <RefusalMessage refusal={refusalOf(error, [])} title={title} />;
}
