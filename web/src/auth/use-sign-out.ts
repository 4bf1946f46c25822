import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { signOut } from '../api/auth.api';

/**
 * Ends the session, then forgets everything cached for this user. The sign-in page asks the server
 * afresh who is signed in, so it only shows the form once the session really has ended.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/sign-in', replace: true });
    },
  });
}
