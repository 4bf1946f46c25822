import { zodResolver } from '@hookform/resolvers/zod';
import { type BaseSyntheticEvent, useState } from 'react';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { fieldMessage } from './field-messages';
import { type FormRefusal, refusalOf } from './server-errors';

type ObjectSchema = z.ZodObject;

export interface ContractFormOptions<S extends ObjectSchema> {
  defaultValues?: DefaultValues<z.input<S>>;
  /** Sends the valid values (the contract's output: defaults filled, text trimmed); throws ApiError on refusal. */
  onSubmit: (values: z.output<S>) => Promise<unknown>;
}

export interface ContractForm<S extends ObjectSchema> {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  /** The form's `onSubmit`. */
  submit: (event?: BaseSyntheticEvent) => Promise<void>;
  /** What the server refused that no field shows (message, named rule); undefined until then. */
  refusal: FormRefusal | undefined;
  /** The contract's top-level fields, the names a server path is mapped onto. */
  fieldNames: readonly string[];
}

/**
 * A form bound to a shared zod contract (shared/contracts): the same schema the server validates
 * with checks each field as the user types, and a refusal from the server is shown where it belongs —
 * `details.fields[].path` (`body.name`) against the field `name`, focused; `details.rule` as a named
 * rule at the top with whatever no field can show.
 */
export function useContractForm<S extends ObjectSchema>(
  schema: S,
  options: ContractFormOptions<S>,
): ContractForm<S> {
  const [refusal, setRefusal] = useState<FormRefusal>();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generics cannot follow a generic schema; the types above are the contract's.
    resolver: zodResolver(schema as never, { error: fieldMessage }) as never,
    mode: 'onChange',
    defaultValues: options.defaultValues,
  });
  const fieldNames = Object.keys(schema.shape);

  const submit = form.handleSubmit(async (values) => {
    setRefusal(undefined);
    try {
      await options.onSubmit(values);
    } catch (error) {
      const next = refusalOf(error, fieldNames);
      next.fields.forEach((field, index) => {
        form.setError(
          field.name as Path<z.input<S> & FieldValues>,
          { type: 'server', message: field.message },
          { shouldFocus: index === 0 },
        );
      });
      if (next.message || next.rule) setRefusal(next);
    }
  });

  return { form, submit, refusal, fieldNames };
}
