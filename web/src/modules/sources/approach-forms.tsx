import { approachRequestBody, recruitmentBody } from '#shared/contracts/sources';
import { FormCheckbox, FormDateField, FormSelect, FormTextArea } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { FormDialog, type SourceDialogProps, useOfficerOptions, useSourceUpdate } from './source-dialogs';

/**
 * The request to approach a prospect (CHIS Code 2022): who approaches, why, the risk, and the
 * bona-fides arrangement the prospect can use to check that the approach is genuine. Made by the
 * prospect's handler or controller; it goes to the authorising officers' queue. The approaching
 * officer is the handler unless another is named.
 */
export function ApproachRequestDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const officers = useOfficerOptions(source.id, isOpen);
  const { form, submit, refusal } = useContractForm(approachRequestBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.requestApproach(values));
      toast.success(`Approval to approach ${source.pseudonym} requested.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Request approval to approach"
      formId="approach-form"
      submitLabel="Request approval"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The request was not made"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect
        control={form.control}
        name="approachingOfficerId"
        label="Approaching officer"
        hint="Leave unchosen for the source's handler"
        options={officers}
      />
      <FormTextArea control={form.control} name="rationale" label="Why approach" />
      <FormTextArea control={form.control} name="risk" label="Risk of the approach" />
      <FormTextArea
        control={form.control}
        name="bonaFides"
        label="Bona-fides arrangement"
        hint="How the prospect can check that the approach is genuine"
      />
    </FormDialog>
  );
}

/**
 * The record of recruitment (SI 2000/2725 reg. 3(g)): the date and circumstances, the motivation in
 * the source's own words, and the recorded confirmation that the source volunteers — without it the
 * server refuses, naming the rule.
 */
export function RecruitmentDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(recruitmentBody, {
    defaultValues: { volunteers: false },
    onSubmit: async (values) => {
      await update((writes) => writes.recordRecruitment(values));
      toast.success(`Recruitment of ${source.pseudonym} recorded.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record the recruitment"
      formId="recruitment-form"
      submitLabel="Record the recruitment"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The recruitment was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormDateField control={form.control} name="recruitedOn" label="Recruited on" />
      <FormTextArea control={form.control} name="circumstances" label="Circumstances" />
      <FormTextArea
        control={form.control}
        name="motivation"
        label="Motivation, in the source's words"
        hint="What the source said, as they said it"
      />
      <FormCheckbox
        control={form.control}
        name="volunteers"
        label="The source volunteers: no coercion, no pressure"
        hint="Required by the CHIS Code: a source is never recruited against their will"
      />
    </FormDialog>
  );
}
