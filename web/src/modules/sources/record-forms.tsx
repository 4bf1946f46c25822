import { addAuthorityBody, assessmentBody } from '#shared/contracts/sources';
import { FormCheckbox, FormSelect, FormTextArea, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { FormDialog, type SourceDialogProps, useSourceUpdate } from './source-dialogs';
import { assessmentKindLabels, optionsOf } from './sources-labels';

const assessmentOptions = optionsOf(assessmentKindLabels);

/** Another investigating authority involved, and how it refers to the source (reg. 3(c)(d)). */
export function AuthorityDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(addAuthorityBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.addAuthority(values));
      toast.success(`${values.authority} added.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Another authority involved"
      formId="authority-form"
      submitLabel="Add the authority"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The authority was not added"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextField control={form.control} name="authority" label="Authority" autoComplete="off" />
      <FormTextField
        control={form.control}
        name="reference"
        label="How it refers to the source"
        hint="Its pseudonym or reference number for the source"
        autoComplete="off"
      />
    </FormDialog>
  );
}

/**
 * A welfare record (reg. 3(e)(f)): the security and welfare risk assessment, a vulnerability
 * assessment (which sets the vulnerable flag), or the enhanced risk assessment every juvenile needs.
 */
export function AssessmentDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(assessmentBody, {
    defaultValues: { kind: source.flags.juvenile ? 'enhanced-risk' : 'risk', vulnerable: false },
    onSubmit: async (values) => {
      await update((writes) => writes.addAssessment(values));
      toast.success('Assessment recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record an assessment"
      formId="assessment-form"
      submitLabel="Record the assessment"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The assessment was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="kind" label="Kind" options={assessmentOptions} />
      <FormTextArea control={form.control} name="summary" label="Summary" />
      <FormCheckbox
        control={form.control}
        name="vulnerable"
        label="The source is a vulnerable individual"
        hint="A vulnerability assessment that says so sets the flag; a higher authorisation level then applies"
      />
      <FormCheckbox
        control={form.control}
        name="explainedToSource"
        label="The risks identified were explained to and understood by the source (reg. 3(f))"
      />
    </FormDialog>
  );
}
