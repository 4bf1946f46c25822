import {
  type CcaView,
  ccaApplicationBody,
  ccaNoticeBody,
  ccaRenewalBody,
  judicialApprovalBody,
  reasonBody,
} from '#shared/contracts/sources';
import {
  FormCheckbox,
  FormDateField,
  FormDateTimePicker,
  FormSelect,
  FormTextArea,
  FormTextField,
} from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import type { AuthorisationDialogProps } from './authorisation-forms';
import { FormDialog, type SourceDialogProps, useSourceUpdate } from './source-dialogs';
import { ccaGroundLabels, optionsOf } from './sources-labels';

const ccaGroundOptions = optionsOf(ccaGroundLabels);

/**
 * A criminal conduct authorisation (RIPA s.29B): only alongside a live source authorisation, stating
 * the conduct, the grounds and proportionality; for a juvenile (s.29C) the exceptional
 * circumstances, the child's best interests and that no harm to them is foreseeable.
 */
export function CcaApplicationDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(ccaApplicationBody, {
    defaultValues: { noForeseeableHarm: false },
    onSubmit: async (values) => {
      await update((writes) => writes.applyCca(values));
      toast.success('Criminal conduct authorisation applied for.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Apply for a criminal conduct authorisation"
      formId="cca-form"
      submitLabel="Submit the application"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The application was not submitted"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="conduct" label="Conduct to be authorised" />
      <FormSelect control={form.control} name="grounds" label="Grounds" options={ccaGroundOptions} />
      <FormTextArea control={form.control} name="necessity" label="Why it is necessary" />
      <FormTextArea control={form.control} name="proportionality" label="Why it is proportionate" />
      {source.flags.juvenile ? (
        <>
          <FormTextArea
            control={form.control}
            name="exceptionalCircumstances"
            label="The exceptional circumstances"
          />
          <FormTextArea control={form.control} name="bestInterests" label="The child's best interests" />
          <FormCheckbox
            control={form.control}
            name="noForeseeableHarm"
            label="No harm to the child is foreseeable from the conduct"
          />
        </>
      ) : null}
    </FormDialog>
  );
}

/** The written notice to a Judicial Commissioner (RIPA s.32C), due within 7 days of the event. */
export function CcaNoticeDialog({ source, cca, isOpen, onOpenChange }: SourceDialogProps & { cca: CcaView }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(ccaNoticeBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.recordCcaNotice(cca.id)(values));
      toast.success('Notice to the Judicial Commissioner recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record the notice to a Judicial Commissioner"
      formId="cca-notice-form"
      submitLabel="Record the notice"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The notice was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextField
        control={form.control}
        name="reference"
        label="Reference of the notice"
        autoComplete="off"
      />
      <FormDateTimePicker
        control={form.control}
        name="notifiedAt"
        label="Given on"
        hint="Leave empty for now"
      />
    </FormDialog>
  );
}

/** The recorded approval of a Judicial Commissioner, needed before a long-term undercover deployment is granted or renewed. */
export function JudicialApprovalDialog({
  source,
  authorisation,
  isOpen,
  onOpenChange,
}: AuthorisationDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(judicialApprovalBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.recordJudicialApproval(authorisation.id)(values));
      toast.success('Judicial Commissioner approval recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record a Judicial Commissioner's approval"
      formId="judicial-approval-form"
      submitLabel="Record the approval"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The approval was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormDateField control={form.control} name="approvedOn" label="Approved on" />
      <FormTextField control={form.control} name="reference" label="Reference" autoComplete="off" />
    </FormDialog>
  );
}

/** Cancels a criminal conduct authorisation with its reason; the 7-day notice clock starts again. */
export function CcaCancelDialog({ source, cca, isOpen, onOpenChange }: SourceDialogProps & { cca: CcaView }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(reasonBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.cancelCca(cca.id)(values));
      toast.success('Criminal conduct authorisation cancelled.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Cancel the criminal conduct authorisation"
      formId="cca-cancel-form"
      submitLabel="Cancel it"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The authorisation was not cancelled"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="reason" label="Reason" />
    </FormDialog>
  );
}

/**
 * Renews a criminal conduct authorisation in force, by a designated officer with reasons: it runs on
 * from the old expiry, and a new 7-day notice to a Judicial Commissioner falls due.
 */
export function CcaRenewDialog({ source, cca, isOpen, onOpenChange }: SourceDialogProps & { cca: CcaView }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(ccaRenewalBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.renewCca(cca.id)(values));
      toast.success('Criminal conduct authorisation renewed: a notice to a Judicial Commissioner is due.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Renew the criminal conduct authorisation"
      formId="cca-renew-form"
      submitLabel="Renew it"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The authorisation was not renewed"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea
        control={form.control}
        name="reasons"
        label="Reasons"
        hint="Why it is still necessary and proportionate"
      />
    </FormDialog>
  );
}
