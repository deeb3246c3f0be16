import {
  auditPage,
  createdUser,
  mfaSettings,
  type Organisation,
  organisation,
  organisationsPage,
  type Place,
  placesPage,
  type Role,
  resetLink,
  user,
  usersPage,
} from '@oselia/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client.ts';

export interface UsersFilter {
  q?: string;
  role?: Role;
  status?: 'invited' | 'active' | 'deactivated';
  organisationId?: string;
}

export const usersListQuery = (filter: UsersFilter) =>
  infiniteQueryOptions({
    queryKey: ['admin', 'users', 'list', filter],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/users', usersPage, { query: { ...filter, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 5_000,
  });

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['admin', 'users', 'detail', id],
    queryFn: ({ signal }) => apiGet(`/users/${encodeURIComponent(id)}`, user, { signal }),
    staleTime: 0,
  });

/** Every organisation (a mission has tens, not thousands), for lists and pickers. */
export const organisationsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'organisations'],
    queryFn: async ({ signal }): Promise<Organisation[]> => {
      const items: Organisation[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 20; page++) {
        const result: { items: Organisation[]; next: string | null } = await apiGet(
          '/organisations',
          organisationsPage,
          {
            query: { cursor, limit: 200 },
            signal,
          },
        );
        items.push(...result.items);
        cursor = result.next;
        if (!cursor) break;
      }
      return items;
    },
    staleTime: 60_000,
  });

/** The 27 oblast-level units, for the oblast scope picker. */
export const oblastsQuery = () =>
  queryOptions({
    queryKey: ['places', 'oblasts-for-scope'],
    queryFn: async ({ signal }): Promise<Place[]> =>
      (await apiGet('/places', placesPage, { query: { level: 1, limit: 100 }, signal })).items,
    staleTime: 30 * 60_000,
  });

export const mfaSettingsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'settings', 'mfa'],
    queryFn: ({ signal }) => apiGet('/settings/mfa', mfaSettings, { signal }),
    staleTime: 0,
  });

export interface AuditFilter {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

export const auditQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['admin', 'audit', filter],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/audit', auditPage, { query: { ...filter, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 0,
  });

interface VerifyResult {
  checked: number;
  breaks: { seq: number; id: string | null; reason: string }[];
}
const verifyResult = {
  safeParse(data: unknown) {
    const v = data as Partial<VerifyResult> | null;
    return v && typeof v.checked === 'number' && Array.isArray(v.breaks)
      ? ({ success: true, data: v as VerifyResult } as const)
      : ({ success: false, error: { issues: [] } } as const);
  },
};

const id = (value: string) => encodeURIComponent(value);

export const adminApi = {
  createUser: (body: unknown) => apiRequest('/users', createdUser, { method: 'POST', body }),
  updateUser: (userId: string, body: unknown) =>
    apiRequest(`/users/${id(userId)}`, user, { method: 'PATCH', body }),
  deactivate: (userId: string) => apiRequest(`/users/${id(userId)}/deactivate`, user, { method: 'POST' }),
  reactivate: (userId: string) => apiRequest(`/users/${id(userId)}/reactivate`, user, { method: 'POST' }),
  resetTotp: (userId: string) => apiRequest(`/users/${id(userId)}/totp-reset`, user, { method: 'POST' }),
  passwordReset: (userId: string) =>
    apiRequest(`/users/${id(userId)}/password-reset`, resetLink, { method: 'POST' }),
  createOrganisation: (body: unknown) => apiRequest('/organisations', organisation, { method: 'POST', body }),
  updateOrganisation: (orgId: string, body: unknown) =>
    apiRequest(`/organisations/${id(orgId)}`, organisation, { method: 'PATCH', body }),
  saveMfaRoles: (requiredRoles: Role[]) =>
    apiRequest('/settings/mfa', mfaSettings, { method: 'PUT', body: { requiredRoles } }),
  verifyAudit: () => apiGet('/audit/verify', verifyResult),
};
