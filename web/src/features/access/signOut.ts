import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetAllDrafts } from '../people/useDraft.ts';
import { forgetSession, setSigningOut } from './session.ts';

/** Sign out of this session or of all of them; both end on the sign-in page with a message. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const here = useMutation({
    mutationFn: async () => (await import('./accessApi.ts')).authApi.signOut(),
    onSettled: () => {
      setSigningOut(true);
      forgetAllDrafts();
      void navigate('/sign-in?bye=1');
      forgetSession(queryClient);
    },
  });
  const everywhere = useMutation({
    mutationFn: async () => (await import('./accessApi.ts')).authApi.signOutEverywhere(),
    onSuccess: () => {
      setSigningOut(true);
      forgetAllDrafts();
      void navigate('/sign-in?bye=all');
      forgetSession(queryClient);
    },
  });
  return { here, everywhere };
}
