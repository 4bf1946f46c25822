import type { AuthorisationView } from '#shared/contracts/sources';
import { conductCategories, conductScheduleBody, taskingBody } from '#shared/contracts/sources-handling';
import { FormCheckboxGroup, FormDateField, FormSelect, FormTextArea } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { useHandlingUpdate } from './handling.api';
import { conductLabels } from './handling-labels';
import { FormDialog, type SourceDialogProps } from './source-dialogs';

const conductOptions = conductCategories.map((c) => ({ id: c, label: conductLabels[c] }));

/**
 * A task or demand made of the source (reg. 3(j)), naming the conduct it asks for. The server
 * refuses one without an authorisation in force, after cancellation, or outside the conduct the AO
 * recorded — the refusal names its rule.
 */
export function TaskDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(taskingBody, {
    onSubmit: async (values) => {
      await update((w) => w.task(values));
      toast.success('Task recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Task the source"
      formId="tasking-form"
      submitLabel="Record the task"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The task was refused"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="conduct" label="Conduct asked for" options={conductOptions} />
      <FormTextArea control={form.control} name="description" label="The task" />
      <FormDateField control={form.control} name="dueBy" label="Due by" hint="Optional" />
    </FormDialog>
  );
}

/** The AO records which conduct an authorisation covers; a new schedule replaces the old. */
export function ConductScheduleDialog({
  source,
  authorisation,
  current,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { authorisation: AuthorisationView; current: readonly string[] }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(conductScheduleBody, {
    defaultValues: { categories: current.filter((c) => conductCategories.includes(c as never)) as never },
    onSubmit: async (values) => {
      await update((w) => w.recordConduct(authorisation.id)(values));
      toast.success('Conduct schedule recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title={`Conduct covered: ${authorisation.operation}`}
      formId="conduct-schedule-form"
      submitLabel="Record the schedule"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The schedule was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormCheckboxGroup control={form.control} name="categories" label="Conduct" options={conductOptions} />
      <FormTextArea control={form.control} name="notes" label="Notes" hint="Optional" />
    </FormDialog>
  );
}
