import { type CurrentSession, currentSession, recoveryCodes, totpEnrolment } from '@oselia/contracts';
import { apiGet, apiRequest, apiSend } from '../../api/client.ts';

/** The small object that only says which address a link belonged to. */
const emailAnswer = {
  safeParse(data: unknown) {
    const email = (data as { email?: unknown } | null)?.email;
    return typeof email === 'string'
      ? ({ success: true, data: { email } } as const)
      : ({ success: false, error: { issues: [] } } as const);
  },
};

const revokedAnswer = {
  safeParse(data: unknown) {
    const revoked = (data as { revoked?: unknown } | null)?.revoked;
    return typeof revoked === 'number'
      ? ({ success: true, data: { revoked } } as const)
      : ({ success: false, error: { issues: [] } } as const);
  },
};

export const fetchSession = (signal?: AbortSignal): Promise<CurrentSession> =>
  apiGet('/auth/session', currentSession, { signal });

export const authApi = {
  signIn: (body: { email: string; password: string }): Promise<CurrentSession> =>
    apiRequest('/auth/sign-in', currentSession, { method: 'POST', body }),
  secondStep: (body: { code: string } | { recoveryCode: string }): Promise<CurrentSession> =>
    apiRequest('/auth/mfa', currentSession, { method: 'POST', body }),
  startEnrolment: () => apiRequest('/auth/totp/enrol', totpEnrolment, { method: 'POST' }),
  confirmEnrolment: (code: string) =>
    apiRequest('/auth/totp/confirm', recoveryCodes, { method: 'POST', body: { code } }),
  signOut: () => apiSend('/auth/sign-out'),
  signOutEverywhere: () => apiRequest('/auth/sign-out-everywhere', revokedAnswer, { method: 'POST' }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    apiSend('/auth/password', { body }),
  accept: (body: { token: string; password: string }) =>
    apiRequest('/auth/accept', emailAnswer, { method: 'POST', body }),
};
