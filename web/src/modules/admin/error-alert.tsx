import { isApiError } from '../../api/client';
import { Alert } from '../../ui/alert';

/** The rule a RULE_VIOLATION names, e.g. the two-person rule. */
function ruleOf(error: unknown): string | undefined {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return undefined;
  const rule = (error.details as { rule?: unknown }).rule;
  return typeof rule === 'string' ? rule : undefined;
}

/** A server refusal shown as the server worded it, with the rule it cites. */
export function ErrorAlert({ error, title = 'The change was refused' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const rule = ruleOf(error);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {rule ? <p className="admin-rule">Rule: {rule}</p> : null}
    </Alert>
  );
}
