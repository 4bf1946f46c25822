import {
  compromiseBody,
  conductCategories,
  riskAssessmentBody,
  riskAssessmentKinds,
  riskConfirmationBody,
  type RiskAssessmentView,
} from '#shared/contracts/sources-handling';
import {
  FormCheckbox,
  FormCheckboxGroup,
  FormDateField,
  FormSelect,
  FormTextArea,
} from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { useHandlingUpdate } from './handling.api';
import { conductLabels, riskKindLabels } from './handling-labels';
import { FormDialog, type SourceDialogProps } from './source-dialogs';

const kindOptions = riskAssessmentKinds.map((k) => ({ id: k, label: riskKindLabels[k] }));
const conductOptions = conductCategories.map((c) => ({ id: c, label: conductLabels[c] }));

/**
 * A new version of the risk assessment (reg. 3(e)); for a juvenile the enhanced one. A correction
 * names the version it corrects and why: a confirmed version is never changed.
 */
export function RiskAssessmentDialog({
  source,
  isOpen,
  onOpenChange,
  corrects,
}: SourceDialogProps & { corrects?: RiskAssessmentView | undefined }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(riskAssessmentBody, {
    defaultValues: {
      kind: corrects?.kind ?? (source.flags.juvenile ? 'enhanced-risk' : 'risk'),
      conductCovered: corrects?.conductCovered ?? [],
      ...(corrects ? { corrects: corrects.id } : {}),
    },
    onSubmit: async (values) => {
      await update((w) => w.assess(values));
      toast.success('Risk assessment recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  const enhanced = form.watch('kind') === 'enhanced-risk';
  return (
    <FormDialog
      title={corrects ? `Correct version ${corrects.version}` : 'Assess the risk'}
      formId="risk-assessment-form"
      submitLabel="Record the assessment"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The assessment was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="kind" label="Kind" options={kindOptions} />
      <FormTextArea control={form.control} name="security" label="Security" />
      <FormTextArea control={form.control} name="welfare" label="Welfare" />
      {enhanced ? (
        <>
          <FormTextArea control={form.control} name="physicalWelfare" label="Physical welfare" />
          <FormTextArea control={form.control} name="psychologicalWelfare" label="Psychological welfare" />
        </>
      ) : null}
      <FormCheckboxGroup
        control={form.control}
        name="conductCovered"
        label="Conduct considered"
        hint="A task outside it raises a re-assessment"
        options={conductOptions}
      />
      <FormDateField
        control={form.control}
        name="reviewBy"
        label="Look at it again by"
        hint="Leave empty for the rule: 30 days for the enhanced one, 90 otherwise"
      />
      {corrects ? (
        <FormTextArea control={form.control} name="correctionReason" label="Why it is corrected" />
      ) : null}
    </FormDialog>
  );
}

/** reg. 3(f): the AO confirms the risks were considered and, where appropriate, explained and understood. */
export function ConfirmRiskDialog({
  source,
  assessment,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { assessment: RiskAssessmentView }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(riskConfirmationBody, {
    defaultValues: { explainedToSource: false, understoodBySource: false },
    onSubmit: async (values) => {
      await update((w) => w.confirmAssessment(assessment.id)(values));
      toast.success(`Version ${assessment.version} confirmed.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title={`Confirm version ${assessment.version}`}
      formId="risk-confirmation-form"
      submitLabel="Confirm"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The confirmation was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormCheckbox control={form.control} name="considered" label="I have considered the risks" />
      <FormCheckbox
        control={form.control}
        name="explainedToSource"
        label="They were explained to the source"
      />
      <FormCheckbox control={form.control} name="understoodBySource" label="The source understood them" />
      <FormTextArea
        control={form.control}
        name="notes"
        label="Notes"
        hint="Why explaining was not appropriate, when it was not explained"
      />
    </FormDialog>
  );
}

/** A compromise indicator: recorded, it raises a re-assessment for the handler. */
export function CompromiseDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(compromiseBody, {
    onSubmit: async (values) => {
      await update((w) => w.compromise(values));
      toast.success('Compromise indicator recorded; a re-assessment is due.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record a compromise indicator"
      formId="compromise-form"
      submitLabel="Record"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The indicator was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="details" label="What happened" />
    </FormDialog>
  );
}
