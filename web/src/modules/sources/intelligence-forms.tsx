import {
  type HandlingView,
  handlingCodes,
  intelligenceBody,
  intelligenceGrades,
  productBody,
  sourceEvaluations,
} from '#shared/contracts/sources-handling';
import {
  FormCheckboxGroup,
  FormDateTimePicker,
  FormSelect,
  FormTextArea,
  FormTextField,
} from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import { format } from '../../ui/format';
import { toast } from '../../ui/toast';
import { useHandlingUpdate } from './handling.api';
import {
  contactKindLabels,
  handlingCodeLabels,
  intelligenceGradeLabels,
  sourceEvaluationLabels,
} from './handling-labels';
import { FormDialog, type SourceDialogProps, useOfficerOptions } from './source-dialogs';

const evaluationOptions = sourceEvaluations.map((e) => ({ id: e, label: sourceEvaluationLabels[e] }));
const gradeOptions = intelligenceGrades.map((g) => ({ id: g, label: intelligenceGradeLabels[g] }));
const handlingOptions = handlingCodes.map((h) => ({ id: h, label: handlingCodeLabels[h] }));

/** Intelligence obtained (reg. 3(l)), graded 3x5x2; the raw report stays in the source's compartment. */
export function ReportDialog({
  source,
  handling,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { handling: HandlingView }) {
  const update = useHandlingUpdate(source.id);
  const contactOptions = handling.contacts
    .filter((c) => c.state === 'held')
    .map((c) => ({
      id: c.id,
      label: `${contactKindLabels[c.kind]}, ${format.dateTime(c.occurredAt ?? c.plannedAt)}`,
    }));
  const { form, submit, refusal } = useContractForm(intelligenceBody, {
    onSubmit: async (values) => {
      await update((w) => w.report(values));
      toast.success('Intelligence recorded.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Record intelligence"
      formId="intelligence-form"
      submitLabel="Record the report"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The report was not recorded"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormSelect control={form.control} name="contactId" label="At which contact" options={contactOptions} />
      <FormDateTimePicker
        control={form.control}
        name="reportedAt"
        label="Reported at"
        hint="Leave empty for now"
      />
      <FormTextArea control={form.control} name="report" label="What was reported" />
      <FormSelect
        control={form.control}
        name="sourceEvaluation"
        label="Source evaluation"
        options={evaluationOptions}
      />
      <FormSelect
        control={form.control}
        name="intelligenceGrade"
        label="Intelligence"
        options={gradeOptions}
      />
      <FormSelect control={form.control} name="handling" label="Handling code" options={handlingOptions} />
      <FormTextArea
        control={form.control}
        name="handlingConditions"
        label="Conditions of sharing"
        hint="Required for handling code C"
      />
    </FormDialog>
  );
}

/**
 * A sanitised product (reg. 3(m)) for named recipients. The server refuses text that names the
 * pseudonym, the URN, the vault's names, addresses or identity numbers, or a meeting place, and says
 * which kind of detail it found (never the value).
 */
export function ProductDialog({
  source,
  reportId,
  handling,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { reportId: string; handling: 'P' | 'C' }) {
  const update = useHandlingUpdate(source.id);
  const officers = useOfficerOptions(source.id, isOpen);
  const { form, submit, refusal } = useContractForm(productBody, {
    defaultValues: { handling, caveats: [], recipientIds: [] },
    onSubmit: async (values) => {
      await update((w) => w.disseminate(reportId)(values));
      toast.success('Product released.');
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title="Disseminate a sanitised product"
      formId="product-form"
      submitLabel="Release the product"
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle="The product was refused"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
      intro={
        <p className="sources-muted">
          Remove everything that could identify the source. The product carries at least the source’s markings
          ({[source.classification, ...source.caveats].join(' ')}).
        </p>
      }
    >
      <FormTextField control={form.control} name="title" label="Title" />
      <FormTextArea control={form.control} name="text" label="Sanitised text" />
      <FormSelect control={form.control} name="handling" label="Handling code" options={handlingOptions} />
      <FormTextArea
        control={form.control}
        name="handlingConditions"
        label="Conditions of sharing"
        hint="Required for handling code C"
      />
      <FormCheckboxGroup control={form.control} name="recipientIds" label="Recipients" options={officers} />
    </FormDialog>
  );
}
