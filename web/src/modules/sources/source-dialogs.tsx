import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { type BaseSyntheticEvent, type ReactNode, useCallback } from 'react';
import { reasonBody, type SourceRole, type SourceView } from '#shared/contracts/sources';
import { roleLabel } from '../../auth/roles';
import { Button } from '../../ui/button';
import { ModalDialog } from '../../ui/dialog';
import { FormTextArea } from '../../ui/form/form-fields';
import { useContractForm } from '../../ui/form/use-contract-form';
import type { FormRefusal } from '../../ui/form/server-errors';
import { RefusalMessage } from '../../ui/refusal-alert';
import type { Option } from '../../ui/select';
import { toast } from '../../ui/toast';
import { officersQuery, sourceQuery, sourcesKey, sourceWrites } from './sources.api';

export type SourceWrites = ReturnType<typeof sourceWrites>;

/**
 * Sends one write on a source and keeps the screens in step: the source's page takes the answer as
 * it stands, and the lists, alerts and queue are fetched again.
 */
export function useSourceUpdate(sourceId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    async (send: (writes: SourceWrites) => Promise<SourceView>): Promise<SourceView> => {
      const view = await send(sourceWrites(sourceId));
      const key: QueryKey = sourceQuery(sourceId).queryKey;
      queryClient.setQueryData(key, view);
      await queryClient.invalidateQueries({
        queryKey: sourcesKey,
        predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(key),
      });
      return view;
    },
    [queryClient, sourceId],
  );
}

/** What every form dialog on a source's page is given. */
export interface SourceDialogProps {
  source: SourceView;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * A form in a modal dialog: the refusal at the top (message and named rule), the fields, and the
 * footer's submit button bound to the form by its id.
 */
export function FormDialog({
  title,
  formId,
  submitLabel,
  busy,
  refusal,
  refusalTitle,
  isOpen,
  onOpenChange,
  onSubmit,
  children,
  intro,
}: {
  title: string;
  formId: string;
  submitLabel: string;
  busy: boolean;
  refusal: FormRefusal | undefined;
  refusalTitle: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  children: ReactNode;
  intro?: ReactNode;
}) {
  return (
    <ModalDialog
      title={title}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form={formId} busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      {intro}
      <form id={formId} className="sources-form" onSubmit={onSubmit} noValidate>
        <RefusalMessage refusal={refusal} title={refusalTitle} />
        {children}
      </form>
    </ModalDialog>
  );
}

/**
 * The officers who may take a role on this source, as options naming their job roles; given `role`,
 * only those the server says may take it now (`mayHold`: the job role, not already held, three
 * different people).
 */
export function useOfficerOptions(sourceId: string, enabled: boolean, role?: SourceRole): Option[] {
  const officers = useQuery({ ...officersQuery(sourceId), enabled });
  const candidates = (officers.data ?? []).filter((o) => role === undefined || o.mayHold.includes(role));
  return candidates.map((officer) => ({
    id: officer.id,
    label: officer.roles.length
      ? `${officer.displayName} (${officer.roles.map(roleLabel).join(', ')})`
      : officer.displayName,
  }));
}

type ReasonAction = 'suspend' | 'resume' | 'close' | 'cancel';

const reasonActions: Record<ReasonAction, { title: string; submit: string; hint: string; done: string }> = {
  suspend: {
    title: 'Suspend the source',
    submit: 'Suspend',
    hint: 'Why the source is not to be used for now',
    done: 'suspended',
  },
  resume: {
    title: 'Resume the source',
    submit: 'Resume',
    hint: 'Why the source may be used again',
    done: 'resumed',
  },
  close: {
    title: 'Close the source',
    submit: 'Close',
    hint: 'Why the record is closed; it is kept, never deleted',
    done: 'closed',
  },
  cancel: {
    title: 'Cancel the authorisation',
    submit: 'Cancel the authorisation',
    hint: 'Which test failed (necessity, proportionality, the arrangements) or why the source is no longer needed; recorded with the date',
    done: 'cancelled',
  },
};

/** A change of status that records only its reason (RIPA s.45 for a cancellation). */
export function ReasonDialog({
  source,
  action,
  isOpen,
  onOpenChange,
}: SourceDialogProps & { action: ReasonAction }) {
  const update = useSourceUpdate(source.id);
  const words = reasonActions[action];
  const { form, submit, refusal } = useContractForm(reasonBody, {
    onSubmit: async (values) => {
      await update((writes) => writes[action](values));
      toast.success(`${source.pseudonym} ${words.done}.`);
      form.reset();
      onOpenChange(false);
    },
  });
  return (
    <FormDialog
      title={words.title}
      formId={`source-${action}-form`}
      submitLabel={words.submit}
      busy={form.formState.isSubmitting}
      refusal={refusal}
      refusalTitle={`${words.title}: refused`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={submit}
    >
      <FormTextArea control={form.control} name="reason" label="Reason" hint={words.hint} />
    </FormDialog>
  );
}
