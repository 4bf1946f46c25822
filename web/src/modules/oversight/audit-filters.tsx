import { Button } from '../../ui/button';
import { FormDateTimePicker, FormTextField } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { type AuditFilters, auditFilterContract } from './audit.api';

const none: AuditFilters = {};

/**
 * The viewer's filters, checked by the audit contract and applied on submit (not per key), into
 * the URL: a filtered view can be bookmarked, and Back returns to the previous filters.
 */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { form, submit } = useContractForm(auditFilterContract, {
    defaultValues: filters,
    onSubmit: async (values) => onApply(values),
  });
  return (
    <form className="audit-filters" aria-label="Audit filters" onSubmit={submit} noValidate>
      <FormTextField control={form.control} name="actor" label="Actor (username)" />
      <FormTextField
        control={form.control}
        name="recordType"
        label="Record type"
        hint="e.g. user, compartment-membership"
      />
      <FormTextField control={form.control} name="recordId" label="Record id" />
      <FormDateTimePicker control={form.control} name="from" label="From" />
      <FormDateTimePicker control={form.control} name="to" label="To" />
      <div className="audit-filters__actions">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="ghost"
          onClick={() => {
            form.reset(none);
            onApply(none);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
