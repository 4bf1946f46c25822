import {
  disclosureBody,
  rewardBody,
  rewardDecisionBody,
  rewardKinds,
  rewardPaymentBody,
} from '#shared/contracts/sources-handling';
import {
  FormDateField,
  FormDateTimePicker,
  FormNumberField,
  FormSelect,
  FormTextArea,
  FormTextField,
} from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { useHandlingUpdate } from './handling.api';
import { pounds, rewardKindLabels } from './handling-labels';
import { FormDialog, type SourceDialogProps } from './source-dialogs';

const kindOptions = rewardKinds.map((k) => ({ id: k, label: rewardKindLabels[k] }));
const decisionOptions = [
  { id: 'approve', label: 'Approve' },
  { id: 'refuse', label: 'Refuse' },
];

/** A reward requested (reg. 3(n)): another officer decides it, never the requester or a handler. */
export function RewardDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(rewardBody, {
    defaultValues: { kind: 'payment' },
    onSubmit: async (values) => {
      await update((w) => w.requestReward(values));
      toast.success(`${rewardKindLabels[values.kind]} of ${pounds(values.amountPence)} requested.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Request a reward"
      formId="reward-form"
      submitLabel="Request"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The request was refused"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="kind" label="Kind" options={kindOptions} />
      <FormNumberField
        control={form.control}
        name="amountPence"
        label="Amount in pence"
        hint="£25.00 is 2500"
      />
      <FormTextArea control={form.control} name="description" label="What it is for" />
    </FormDialog>
  );
}

/** The second officer's decision on a reward (four eyes; above the threshold, the controller). */
export function RewardDecisionDialog({
  source,
  rewardId,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { rewardId: string }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(rewardDecisionBody, {
    defaultValues: { decision: 'approve' },
    onSubmit: async (values) => {
      await update((w) => w.decideReward(rewardId)(values));
      toast.success(values.decision === 'approve' ? 'Reward approved.' : 'Reward refused.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Decide the reward"
      formId="reward-decision-form"
      submitLabel="Record the decision"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The decision was refused"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="decision" label="Decision" options={decisionOptions} />
      <FormTextArea control={form.control} name="reasons" label="Reasons" />
    </FormDialog>
  );
}

/** An approved reward paid, with its receipt reference. */
export function RewardPaymentDialog({
  source,
  rewardId,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { rewardId: string }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(rewardPaymentBody, {
    onSubmit: async (values) => {
      await update((w) => w.payReward(rewardId)(values));
      toast.success('Payment recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record the payment"
      formId="reward-payment-form"
      submitLabel="Record the payment"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The payment was refused"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="receiptReference" label="Receipt reference" />
      <FormDateTimePicker control={form.control} name="paidAt" label="Paid at" hint="Leave empty for now" />
    </FormDialog>
  );
}

/** "Who can I tell": a person the source told, when, and the advice; it raises a re-assessment. */
export function DisclosureDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(disclosureBody, {
    onSubmit: async (values) => {
      await update((w) => w.disclose(values));
      toast.success('Disclosure recorded; a re-assessment is due.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record a disclosure"
      formId="disclosure-form"
      submitLabel="Record"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The disclosure was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="person" label="Who was told" />
      <FormTextField control={form.control} name="relationship" label="Their relationship to the source" />
      <FormDateField control={form.control} name="disclosedOn" label="Told on" />
      <FormTextArea control={form.control} name="advice" label="The advice discussed" />
    </FormDialog>
  );
}
