import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { classifications } from '#shared/contracts/markings';
import { Alert } from '../../../web/src/ui/alert';
import { Button } from '../../../web/src/ui/button';
import { ModalDialog } from '../../../web/src/ui/dialog';
import { FormSelect, FormTextArea, FormTextField } from '../../../web/src/ui/form/form-fields';
import { useContractForm } from '../../../web/src/ui/form/use-contract-form';
import { RefusalMessage } from '../../../web/src/ui/refusal-alert';
import { toast } from '../../../web/src/ui/toast';
import { createFixtureRecordBody } from '../fixture.contract';
import { createFixtureRecord, fixtureCompartmentsQuery, fixtureKey } from './fixture.api';

const classificationOptions = classifications.map((c) => ({ id: c, label: c }));

/**
 * A new record: the form is bound to the create contract (checked as one types, by the schema the
 * server validates with), and what the server refuses — a reference already used, a marking above
 * one's clearance — is shown against its field, with the named rule.
 */
export function CreateFixtureDialog({
  isOpen,
  onOpenChange,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const compartments = useQuery({ ...fixtureCompartmentsQuery, enabled: isOpen });
  const mutation = useMutation({
    mutationFn: createFixtureRecord,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fixtureKey }),
  });
  const { form, submit, refusal } = useContractForm(createFixtureRecordBody, {
    defaultValues: { classification: 'OFFICIAL', caveats: [] },
    onSubmit: async (values) => {
      const created = await mutation.mutateAsync(values);
      toast.success(`Created ${created.reference}.`);
      form.reset();
      onOpenChange(false);
    },
  });
  const options = (compartments.data ?? []).map((c) => ({ id: c.id, label: c.name }));
  const none = compartments.isSuccess && options.length === 0;

  return (
    <ModalDialog
      title="New record"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="create-fixture-form" busy={form.formState.isSubmitting} disabled={none}>
            Create record
          </Button>
        </>
      }
    >
      {none ? (
        <Alert tone="info" title="No compartment to create in">
          <p>You are read into no compartment of this module; an administrator can read you into one.</p>
        </Alert>
      ) : (
        <form id="create-fixture-form" className="fixture-form" onSubmit={submit} noValidate>
          <RefusalMessage refusal={refusal} title="The record was not created" />
          <FormSelect control={form.control} name="compartmentId" label="Compartment" options={options} />
          <FormSelect
            control={form.control}
            name="classification"
            label="Classification"
            options={classificationOptions}
          />
          <FormTextField
            control={form.control}
            name="reference"
            label="Reference"
            hint="Upper-case letters, digits and dashes, e.g. REF-0042"
            autoComplete="off"
            spellCheck={false}
          />
          <FormTextField control={form.control} name="title" label="Title" autoComplete="off" />
          <FormTextArea
            control={form.control}
            name="secret"
            label="Secret"
            hint="Stored encrypted; reading it back is audited"
          />
        </form>
      )}
    </ModalDialog>
  );
}
