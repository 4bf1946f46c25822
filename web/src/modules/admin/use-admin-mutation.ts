import { useMutation, useQueryClient } from '@tanstack/react-query';
import { administrationKey } from './admin.api';

/** A change to users or compartments: on success every administration list is fetched again. */
export function useAdminMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: administrationKey }),
  });
}
