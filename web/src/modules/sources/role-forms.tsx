import {
  assignRoleBody,
  handOverBody,
  reasonBody,
  type SourceRoleView,
  sourceRoleSchema,
  sourceRoles,
} from '#shared/contracts/sources';
import { FormDateTimePicker, FormSelect, FormTextArea } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toast';
import { FormDialog, type SourceDialogProps, useOfficerOptions, useSourceUpdate } from './source-dialogs';
import { sourceRoleLabel } from './sources-labels';

const roleOptions = sourceRoles.map((role) => ({ id: role, label: sourceRoleLabel(role) }));

/**
 * A role on the source for a period (RIPA s.29(5); reg. 3(h)(i)): the holder is read into the
 * source while it lasts. The AO, the handler and the controller must be three different people: the
 * server refuses otherwise, naming the rule.
 */
export function AssignRoleDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(assignRoleBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.assignRole(values));
      toast.success(`${sourceRoleLabel(values.role)} assigned.`);
      form.reset();
      onOpenChange(false);
    },
  });
  const chosen = form.watch('role');
  // Only the officers who may take the chosen role on this source (the server's `mayHold`).
  const officers = useOfficerOptions(source.id, isOpen, chosen);
  return (
    <FormDialog
      title="Assign a role"
      formId="assign-role-form"
      submitLabel="Assign the role"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The role was not assigned"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="role" label="Role" options={roleOptions} />
      <FormSelect
        control={form.control}
        name="userId"
        label="Officer"
        hint={chosen ? undefined : 'Choose the role first'}
        options={officers}
      />
      <FormDateTimePicker control={form.control} name="from" label="From" hint="Leave empty for now" />
      <FormDateTimePicker
        control={form.control}
        name="to"
        label="Until"
        hint="Leave empty for an open period"
      />
    </FormDialog>
  );
}

/** A recorded hand-over: the outgoing handler's period ends as the incoming one's begins. */
export function HandOverDialog({ source, isOpen, onOpenChange }: SourceDialogProps) {
  const update = useSourceUpdate(source.id);
  const officers = useOfficerOptions(source.id, isOpen, sourceRoleSchema.enum.handler);
  const outgoing = source.roles
    .filter((r) => r.current && r.role === sourceRoleSchema.enum.handler)
    .map((r) => ({ id: r.officer.id, label: r.officer.displayName }));
  const { form, submit, refusal } = useContractForm(handOverBody, {
    defaultValues: outgoing.length === 1 ? { fromUserId: outgoing[0]!.id } : {},
    onSubmit: async (values) => {
      await update((writes) => writes.handOver(values));
      toast.success('Hand-over recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Hand over the source"
      formId="hand-over-form"
      submitLabel="Record the hand-over"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The hand-over was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="fromUserId" label="Outgoing handler" options={outgoing} />
      <FormSelect control={form.control} name="toUserId" label="Incoming handler" options={officers} />
      <FormTextArea
        control={form.control}
        name="notes"
        label="Hand-over notes"
        hint="What the incoming handler must know: security, welfare, the state of the tasking"
      />
    </FormDialog>
  );
}

/** Ends a role's period with its reason; the period stays in the history. */
export function EndRoleDialog({
  source,
  role,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { role: SourceRoleView }) {
  const update = useSourceUpdate(source.id);
  const { form, submit, refusal } = useContractForm(reasonBody, {
    onSubmit: async (values) => {
      await update((writes) => writes.endRole(role.id)(values));
      toast.success(`${role.officer.displayName}'s period as ${sourceRoleLabel(role.role)} ended.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title={`End ${role.officer.displayName}'s period as ${sourceRoleLabel(role.role).toLowerCase()}`}
      formId="end-role-form"
      submitLabel="End the period"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The period was not ended"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="reason" label="Reason" />
    </FormDialog>
  );
}
