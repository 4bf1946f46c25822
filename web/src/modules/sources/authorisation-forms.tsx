import {
  type AuthorisationView,
  applicationBody,
  renewalBody,
  reviewBody,
  writeUpBody,
} from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { FormCheckbox, FormSelect, FormTextArea, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { FormDialog, type SourceDialogProps, useOfficerOptions, useSourceUpdate } from './source-dialogs';
import { expectedMaterialLabels, optionsOf, statutoryGroundLabels, urgencyLabels } from './sources-labels';

const groundOptions = optionsOf(statutoryGroundLabels);
const materialOptions = optionsOf(expectedMaterialLabels);
const urgencyOptions = optionsOf(urgencyLabels);

/**
 * The application for an authorisation (RIPA s.29; LAW.md §1): the ground, necessity and
 * proportionality, the purpose of the tasking, the operation, the conduct expected, collateral
 * intrusion and its justification, privileged or confidential material expected, and for an urgent
 * case why it is urgent; put to an authorising officer, who is read into the source.
 */
export function ApplicationDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const officers = useOfficerOptions(source.id, isOpen);
  const { form, submit, refusal } = useContractForm(applicationBody, {
    defaultValues: { expectedMaterial: 'none', urgency: 'routine', againstParent: false },
    onSubmit: async (values) => {
      await update((writes) => writes.apply(values));
      toast.success(`Application for ${source.pseudonym} submitted.`);
      form.reset();
      onOpenChange(false);
    },
  });
  const urgency = form.watch('urgency');
  const material = form.watch('expectedMaterial');
  return (
    <FormDialog
      title="Apply for an authorisation"
      formId="application-form"
      submitLabel="Submit the application"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The application was not submitted"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
      intro={
        source.flags.juvenile || source.flags.vulnerable ? (
          <Alert tone="warning" title="A higher authorisation level applies">
            {source.flags.juvenile
              ? 'The source is a juvenile: a shorter duration, an up-to-date enhanced risk assessment and more frequent reviews apply.'
              : 'The source is a vulnerable individual.'}
          </Alert>
        ) : undefined
      }
    >
      <FormSelect
        control={form.control}
        name="authorisingOfficerId"
        label="Authorising officer"
        hint="The officer the case is put to; not the handler or the controller"
        options={officers}
      />
      <FormSelect control={form.control} name="ground" label="Statutory ground" options={groundOptions} />
      <FormTextArea control={form.control} name="necessity" label="Why it is necessary" />
      <FormTextArea
        control={form.control}
        name="proportionality"
        label="Why it is proportionate"
        hint="What it seeks to achieve against the intrusion, and why less intrusive means will not do"
      />
      <FormTextArea control={form.control} name="purpose" label="Purpose of the tasking" />
      <FormTextField control={form.control} name="operation" label="Operation" autoComplete="off" />
      <FormTextArea control={form.control} name="conduct" label="Conduct expected of the source" />
      <FormTextArea control={form.control} name="collateralIntrusion" label="Collateral intrusion" />
      <FormTextArea
        control={form.control}
        name="collateralJustification"
        label="Why the collateral intrusion is justified"
      />
      <FormSelect
        control={form.control}
        name="expectedMaterial"
        label="Confidential or privileged material expected"
        options={materialOptions}
      />
      {material && material !== 'none' ? (
        <FormTextArea control={form.control} name="materialDetails" label="The material, and its handling" />
      ) : null}
      <FormSelect control={form.control} name="urgency" label="Urgency" options={urgencyOptions} />
      {urgency === 'urgent' ? (
        <FormTextArea control={form.control} name="urgencyReason" label="Why it is urgent" />
      ) : null}
      <FormCheckbox
        control={form.control}
        name="againstParent"
        label="The source is to be used against a parent or a person with parental responsibility"
        hint="Never allowed for a source under 16 (SI 2000/2793 art. 3)"
      />
    </FormDialog>
  );
}

/** What a form on one authorisation is given. */
export interface AuthorisationDialogProps extends SourceDialogProps {
  authorisation: AuthorisationView;
}

/**
 * A review (RIPA s.43(7)): the use made of the source, the tasks given and the information obtained
 * since the last grant. A renewal is refused until one is recorded.
 */
export function ReviewDialog({ source, authorisation, isOpen, onOpenChange }: AuthorisationDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(reviewBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.submitReview(authorisation.id)(values));
      toast.success('Review submitted to the authorising officer.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Review the authorisation"
      formId="review-form"
      submitLabel="Submit the review"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The review was not submitted"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="useMade" label="Use made of the source" />
      <FormTextArea control={form.control} name="tasks" label="Tasks given" />
      <FormTextArea control={form.control} name="information" label="Information obtained" />
      <FormTextArea control={form.control} name="welfare" label="Security and welfare (optional)" />
    </FormDialog>
  );
}

/** A renewal (RIPA s.43(4)): made before expiry, it runs on from the old expiry. */
export function RenewalDialog({ source, authorisation, isOpen, onOpenChange }: AuthorisationDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(renewalBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.applyRenewal(authorisation.id)(values));
      toast.success('Renewal submitted to the authorising officer.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Apply for a renewal"
      formId="renewal-form"
      submitLabel="Submit the renewal"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The renewal was not submitted"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea
        control={form.control}
        name="justification"
        label="Why the authorisation should continue"
        hint="The authorising officer also needs a review since the last grant"
      />
    </FormDialog>
  );
}

/**
 * The written record of an urgent oral grant (LAW.md §1: 72 hours, "then written up"), by the
 * authorising officer who gave it; until it is recorded the source carries a compliance alert.
 */
export function WriteUpDialog({ source, authorisation, isOpen, onOpenChange }: AuthorisationDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(writeUpBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.writeUp(authorisation.id)(values));
      toast.success('The urgent grant is written up.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Write up the urgent grant"
      formId="write-up-form"
      submitLabel="Record the written authorisation"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The write-up was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea
        control={form.control}
        name="record"
        label="The written authorisation"
        hint="What was authorised orally, by whom, when, and why it was urgent"
      />
    </FormDialog>
  );
}
