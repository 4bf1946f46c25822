import {
  type ContactView,
  contactBody,
  contactKinds,
  contactOutcomeBody,
} from '#shared/contracts/sources-handling';
import {
  FormCheckboxGroup,
  FormDateTimePicker,
  FormSelect,
  FormTextArea,
  FormTextField,
} from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { useHandlingUpdate } from './handling.api';
import { contactKindLabels } from './handling-labels';
import { FormLinesField } from './handling-parts';
import { FormDialog, type SourceDialogProps, useOfficerOptions } from './source-dialogs';

const kindOptions = contactKinds.map((k) => ({ id: k, label: contactKindLabels[k] }));
const stateOptions = [
  { id: 'planned', label: 'Planned (the meeting plan)' },
  { id: 'held', label: 'Held (logged afterwards)' },
];
const outcomeOptions = [
  { id: 'held', label: 'Held' },
  { id: 'missed', label: 'Missed (raises a re-assessment)' },
  { id: 'called-off', label: 'Called off' },
];

/**
 * A contact (reg. 3(k)): a meeting is planned with its location, time, cover story, safety
 * arrangements and fall-back; the attendees are recorded, and a meeting with an under-16 names the
 * appropriate adult (the server refuses it otherwise, naming the rule).
 */
export function ContactDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useHandlingUpdate(source.id);
  const officers = useOfficerOptions(source.id, isOpen);
  const { form, submit, refusal } = useContractForm(contactBody, {
    defaultValues: { kind: 'meeting', state: 'planned', officerIds: [], otherAttendees: [] },
    onSubmit: async (values) => {
      await update((w) => w.contact(values));
      toast.success(values.state === 'planned' ? 'Meeting plan recorded.' : 'Contact logged.');
      form.reset();
      onOpenChange(false);
    },
  });
  const meeting = form.watch('kind') === 'meeting';
  return (
    <FormDialog
      title="Plan or log a contact"
      formId="contact-form"
      submitLabel="Record the contact"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The contact was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="kind" label="Kind" options={kindOptions} />
      <FormSelect control={form.control} name="state" label="Planned or held" options={stateOptions} />
      <FormDateTimePicker control={form.control} name="at" label="When" />
      {meeting ? (
        <>
          <FormTextField control={form.control} name="location" label="Location" />
          <FormTextArea control={form.control} name="coverStory" label="Cover story" />
          <FormTextArea control={form.control} name="safetyArrangements" label="Safety arrangements" />
          <FormTextArea
            control={form.control}
            name="fallbackContact"
            label="Fall-back method of contact"
            hint="How to reach each other if the meeting cannot take place"
          />
        </>
      ) : null}
      <FormCheckboxGroup
        control={form.control}
        name="officerIds"
        label="Officers attending"
        options={officers}
      />
      <FormLinesField
        control={form.control}
        name="otherAttendees"
        label="Others attending"
        hint="One name a line"
      />
      {source.flags.under16 ? (
        <FormTextField
          control={form.control}
          name="appropriateAdult"
          label="Appropriate adult"
          hint="Required for a source under 16"
        />
      ) : null}
      <FormTextArea control={form.control} name="summary" label="Summary" hint="Optional" />
    </FormDialog>
  );
}

/** After the contact: held, missed or called off, with the outcome and welfare notes. */
export function ContactOutcomeDialog({
  source,
  contact,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { contact: ContactView }) {
  const update = useHandlingUpdate(source.id);
  const { form, submit, refusal } = useContractForm(contactOutcomeBody, {
    defaultValues: {
      state: 'held',
      ...(contact.appropriateAdult ? { appropriateAdult: contact.appropriateAdult } : {}),
    },
    onSubmit: async (values) => {
      await update((w) => w.outcome(contact.id)(values));
      toast.success('Outcome recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record the outcome"
      formId="contact-outcome-form"
      submitLabel="Record the outcome"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The outcome was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="state" label="What happened" options={outcomeOptions} />
      <FormDateTimePicker
        control={form.control}
        name="at"
        label="When it took place"
        hint="Leave empty for the planned time"
      />
      <FormTextArea control={form.control} name="outcome" label="Outcome" />
      <FormTextArea control={form.control} name="welfareNotes" label="Welfare notes" hint="Optional" />
      {source.flags.under16 ? (
        <FormTextField control={form.control} name="appropriateAdult" label="Appropriate adult" />
      ) : null}
    </FormDialog>
  );
}
