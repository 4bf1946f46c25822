import {
  type Control,
  type FieldPath,
  type FieldValues,
  useController,
  useFieldArray,
} from 'react-hook-form';
import {
  type BreakGlassView,
  breakGlassDecisionBody,
  breakGlassRequestBody,
  type IdentityView,
  identityBody,
} from '#shared/contracts/sources';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { FormDateField, FormSelect, FormTextArea, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { TextArea } from '../../ui/text-area';
import { toast } from '../../ui/toast';
import { FormDialog, type SourceDialogProps, useSourceUpdate } from './source-dialogs';

/** A list of short texts edited one per line (addresses are separated by an empty line). */
function FormLinesField<V extends FieldValues, O>({
  control,
  name,
  label,
  hint,
  separator = '\n',
}: {
  control: Control<V, unknown, O>;
  name: FieldPath<V>;
  label: string;
  hint?: string;
  separator?: '\n' | '\n\n';
}) {
  const { field, fieldState } = useController({ control, name });
  const items = (field.value as string[] | undefined) ?? [];
  const error = fieldState.error as { message?: string } | ({ message?: string } | undefined)[] | undefined;
  const message = Array.isArray(error) ? error.find((e) => e?.message)?.message : error?.message;
  return (
    <TextArea
      label={label}
      hint={hint}
      ref={field.ref}
      name={field.name}
      value={items.join(separator)}
      onChange={(event) =>
        field.onChange(
          event.target.value
            .split(separator === '\n' ? /\n/ : /\n[ \t]*\n/)
            // An empty last item is the line being started; empty ones elsewhere go on leaving the field.
            .filter((item, index, all) => item.trim() !== '' || index === all.length - 1),
        )
      }
      onBlur={() => {
        field.onChange(items.filter((item) => item.trim() !== ''));
        field.onBlur();
      }}
      error={message}
    />
  );
}

/**
 * The true-identity vault (reg. 3(a)(b)), written whole and stored encrypted. The date of birth
 * derives the juvenile and under-16 flags; an under-16's appropriate adult is named here.
 */
export function IdentityDialog({
  source,
  current,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { current: IdentityView['identity'] | undefined }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(identityBody, {
    defaultValues: current
      ? {
          name: current.name,
          dateOfBirth: current.dateOfBirth,
          addresses: current.addresses,
          identitiesUsed: current.identitiesUsed,
          appropriateAdult: current.appropriateAdult ?? undefined,
          documents: current.documents.map((d) => ({ ...d, issuer: d.issuer ?? undefined })),
        }
      : { addresses: [], identitiesUsed: [], documents: [] },
    onSubmit: async (values) => {
      await update((writes) => writes.writeIdentity(values));
      toast.success('Identity recorded in the vault.');
      form.reset();
      onOpenChange(false);
    },
  });
  const documents = useFieldArray({ control: form.control, name: 'documents' });
  return (
    <FormDialog
      title="True identity"
      formId="identity-form"
      submitLabel="Save to the vault"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The identity was not saved"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
      intro={
        current === undefined && source.flags.identityRecorded ? (
          <Alert tone="warning" title="This replaces the recorded identity">
            Saving writes the whole record anew. Reveal the identity first to start from what is recorded.
          </Alert>
        ) : undefined
      }
    >
      <FormTextField control={form.control} name="name" label="Full name" autoComplete="off" />
      <FormDateField control={form.control} name="dateOfBirth" label="Date of birth" />
      <FormLinesField
        control={form.control}
        name="addresses"
        label="Addresses"
        hint="Separate addresses by an empty line"
        separator={'\n\n'}
      />
      <FormLinesField
        control={form.control}
        name="identitiesUsed"
        label="Identities the source uses"
        hint="One per line (reg. 3(b))"
      />
      <FormTextField
        control={form.control}
        name="appropriateAdult"
        label="Appropriate adult"
        hint="For a source under 16: who attends every meeting"
        autoComplete="off"
      />
      <fieldset className="sources-form">
        <legend>Identity documents</legend>
        {documents.fields.map((document, index) => (
          <div key={document.id} className="sources-form sources-form--wide">
            <FormTextField control={form.control} name={`documents.${index}.kind`} label="Kind" />
            <FormTextField control={form.control} name={`documents.${index}.number`} label="Number" />
            <FormTextField control={form.control} name={`documents.${index}.issuer`} label="Issuer" />
            <div className="sources-form__actions">
              <Button variant="ghost" size="sm" onClick={() => documents.remove(index)}>
                Remove document {index + 1}
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button variant="secondary" size="sm" onClick={() => documents.append({ kind: '', number: '' })}>
            Add a document
          </Button>
        </div>
      </fieldset>
    </FormDialog>
  );
}

/**
 * Break-glass: an officer who is not among the vault's readers states why they must read it; a
 * second officer approves; access is time-boxed, the controller is alerted and the inspector sees it.
 */
export function BreakGlassRequestDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(breakGlassRequestBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.requestBreakGlass(values));
      toast.success('Break-glass access requested: a second officer must approve it.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Request break-glass access"
      formId="break-glass-form"
      submitLabel="Request access"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The request was not made"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
      intro={
        <Alert tone="warning" role="note" title="An exceptional access">
          A second officer must approve it; the access is time-boxed, the source’s controller is alerted and
          the inspector sees the request and every read in the audit trail.
        </Alert>
      }
    >
      <FormTextArea control={form.control} name="reason" label="Why you must read the true identity" />
    </FormDialog>
  );
}

const decisionOptions = [
  { id: 'approve', label: 'Approve' },
  { id: 'refuse', label: 'Refuse' },
];

/** The second officer's decision on a break-glass request. */
export function BreakGlassDecisionDialog({
  source,
  request,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { request: BreakGlassView }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(breakGlassDecisionBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.decideBreakGlass(request.id)(values));
      toast.success(
        values.decision === 'approve' ? 'Break-glass access approved.' : 'Break-glass access refused.',
      );
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title={`Break-glass request by ${request.requestedBy.displayName}`}
      formId="break-glass-decision-form"
      submitLabel="Record the decision"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The decision was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
      intro={<p className="source-facts__wide">Reason given: {request.reason}</p>}
    >
      <FormSelect control={form.control} name="decision" label="Decision" options={decisionOptions} />
      <FormTextArea control={form.control} name="reasons" label="Reasons (optional)" />
    </FormDialog>
  );
}
