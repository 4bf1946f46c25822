import { useNavigate } from '@tanstack/react-router';
import {
  approachDecisionBody,
  authorisationDecisionBody,
  ccaDecisionBody,
  reviewDecisionBody,
  type SourceView,
} from '#shared/contracts/sources';
import { Button } from '../../ui/button';
import { FormNumberField, FormSelect, FormTextArea } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { RefusalMessage } from '../../ui/refusal-alert';
import { toast } from '../../ui/toast';
import { type SourceWrites, useSourceUpdate } from './source-dialogs';

const decisionOptions = [
  { id: 'grant', label: 'Grant' },
  { id: 'refuse', label: 'Refuse' },
];

export type DecisionKind = 'approach' | 'application' | 'renewal' | 'review' | 'cca';

/** After a decision the AO goes back to the source's authorisations, where its outcome and clocks show. */
function useAfterDecision(source: SourceView) {
  const navigate = useNavigate();
  return () =>
    navigate({
      to: '/sources/$sourceId',
      params: { sourceId: source.id },
      search: { tab: 'authorisations' },
    });
}

const reviewFrequencyHint = 'Days between reviews; leave empty for the default the rules set';

/**
 * The AO's decision on an application or a renewal, with written reasons and, on a grant, the
 * review frequency. A decision the law forbids (their own case, the wrong level, a renewal without a
 * review) is refused by the server and shown here with its rule.
 */
export function GrantDecisionForm({
  source,
  kind,
  itemId,
}: {
  source: SourceView;
  kind: 'application' | 'renewal';
  itemId: string;
}) {
  const update = useSourceUpdate(source.id);
  const after = useAfterDecision(source);
  const send = (writes: SourceWrites) =>
    kind === 'application' ? writes.decideApplication(itemId) : writes.decideRenewal(itemId);
  const { form, submit, refusal } = useContractForm(authorisationDecisionBody, {
    onSubmit: async (values) => {
      await update((writes) => send(writes)(values));
      toast.success(
        `${kind === 'application' ? 'Application' : 'Renewal'} ${values.decision === 'grant' ? 'granted' : 'refused'}.`,
      );
      await after();
    },
  });
  const decision = form.watch('decision');
  return (
    <form className="sources-form" aria-label="Decision" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The decision was not recorded" />
      <FormSelect control={form.control} name="decision" label="Decision" options={decisionOptions} />
      <FormTextArea
        control={form.control}
        name="reasons"
        label="Reasons"
        hint="Why it is, or is not, necessary and proportionate"
      />
      {decision !== 'refuse' ? (
        <FormNumberField
          control={form.control}
          name="reviewEveryDays"
          label="Review every (days)"
          hint={reviewFrequencyHint}
        />
      ) : null}
      <div className="sources-form__actions">
        <Button type="submit" busy={form.formState.isSubmitting}>
          Record the decision
        </Button>
      </div>
    </form>
  );
}

/** The AO's consideration of a review; it may change how often the source is reviewed. */
export function ReviewDecisionForm({ source, reviewId }: { source: SourceView; reviewId: string }) {
  const update = useSourceUpdate(source.id);
  const after = useAfterDecision(source);
  const { form, submit, refusal } = useContractForm(reviewDecisionBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.considerReview(reviewId)(values));
      toast.success('Review considered.');
      await after();
    },
  });
  return (
    <form className="sources-form" aria-label="Consideration" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The review was not considered" />
      <FormTextArea control={form.control} name="reasons" label="Your consideration" />
      <FormNumberField
        control={form.control}
        name="reviewEveryDays"
        label="Review every (days)"
        hint={reviewFrequencyHint}
      />
      <div className="sources-form__actions">
        <Button type="submit" busy={form.formState.isSubmitting}>
          Record the consideration
        </Button>
      </div>
    </form>
  );
}

const approachOptions = [
  { id: 'approve', label: 'Approve the approach' },
  { id: 'refuse', label: 'Refuse' },
];

/**
 * An authorising officer's decision on a request to approach, with written reasons: approved, the
 * prospect may be approached; refused, it stays a prospect and a new request may follow.
 */
export function ApproachDecisionForm({ source, requestId }: { source: SourceView; requestId: string }) {
  const update = useSourceUpdate(source.id);
  const navigate = useNavigate();
  const { form, submit, refusal } = useContractForm(approachDecisionBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.decideApproach(requestId)(values));
      toast.success(
        values.decision === 'approve'
          ? `Approach to ${source.pseudonym} approved.`
          : `Approach to ${source.pseudonym} refused.`,
      );
      await navigate({ to: '/sources/$sourceId', params: { sourceId: source.id } });
    },
  });
  return (
    <form className="sources-form" aria-label="Decision" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The decision was not recorded" />
      <FormSelect control={form.control} name="decision" label="Decision" options={approachOptions} />
      <FormTextArea control={form.control} name="reasons" label="Reasons" />
      <div className="sources-form__actions">
        <Button type="submit" busy={form.formState.isSubmitting}>
          Record the decision
        </Button>
      </div>
    </form>
  );
}

/** The designated officer's decision on a criminal conduct authorisation; a grant starts the 7-day notice clock. */
export function CcaDecisionForm({ source, ccaId }: { source: SourceView; ccaId: string }) {
  const update = useSourceUpdate(source.id);
  const after = useAfterDecision(source);
  const { form, submit, refusal } = useContractForm(ccaDecisionBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.decideCca(ccaId)(values));
      toast.success(`Criminal conduct authorisation ${values.decision === 'grant' ? 'granted' : 'refused'}.`);
      await after();
    },
  });
  return (
    <form className="sources-form" aria-label="Decision" onSubmit={submit} noValidate>
      <RefusalMessage refusal={refusal} title="The decision was not recorded" />
      <FormSelect control={form.control} name="decision" label="Decision" options={decisionOptions} />
      <FormTextArea control={form.control} name="reasons" label="Reasons" />
      <div className="sources-form__actions">
        <Button type="submit" busy={form.formState.isSubmitting}>
          Record the decision
        </Button>
      </div>
    </form>
  );
}
