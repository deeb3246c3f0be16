import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { pcode } from './places.contract.ts';

export const roles = [
  'admin',
  'programme_manager',
  'registration_officer',
  'reviewer',
  'finance_officer',
  'me_officer',
  'communications_officer',
  'partner_staff',
  'donor_viewer',
] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const organisationType = z.enum(['mission', 'partner_ngo', 'donor', 'government', 'other']);
export type OrganisationType = z.infer<typeof organisationType>;

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const password = z.string().min(12, 'at least 12 characters').max(200, 'at most 200 characters');
const name = z.string().trim().min(1).max(200);

export const organisation = z.object({
  id: z.uuid(),
  type: organisationType,
  nameEn: z.string(),
  nameUk: z.string(),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Organisation = z.infer<typeof organisation>;
export const organisationsPage = pageOf(organisation);
export const createOrganisationBody = z.object({ type: organisationType, nameEn: name, nameUk: name });
export const updateOrganisationBody = createOrganisationBody.partial().extend({ version: z.number().int() });

export const userStatus = z.enum(['invited', 'active', 'deactivated']);
export const user = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  organisationId: z.uuid(),
  roles: z.array(role),
  projectScope: z.array(z.uuid()).nullable(),
  oblastScope: z.array(pcode).nullable(),
  status: userStatus,
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
  lastSignInAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof user>;
export const usersPage = pageOf(user);
export const usersQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: role.optional(),
  status: userStatus.optional(),
  organisationId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const scopeLists = {
  projectScope: z.array(z.uuid()).max(200).nullable(),
  oblastScope: z.array(pcode).max(30).nullable(),
};
const scopes = {
  projectScope: scopeLists.projectScope.default(null),
  oblastScope: scopeLists.oblastScope.default(null),
};
export const createUserBody = z.object({
  email,
  displayName: name,
  organisationId: z.uuid(),
  roles: z.array(role).min(1).max(roles.length),
  ...scopes,
  totpRequired: z.boolean().default(false),
  /** Either a password now, or an invitation link for the user to choose one. */
  password: password.optional(),
});
export const updateUserBody = z.object({
  version: z.number().int(),
  displayName: name.optional(),
  organisationId: z.uuid().optional(),
  roles: z.array(role).min(1).max(roles.length).optional(),
  // No defaults here: leaving a scope out must keep it, not widen it to everything.
  projectScope: scopeLists.projectScope.optional(),
  oblastScope: scopeLists.oblastScope.optional(),
  totpRequired: z.boolean().optional(),
});
export const createdUser = z.object({ user, inviteUrl: z.string().nullable() });
export const resetLink = z.object({ url: z.string(), expiresAt: z.iso.datetime({ offset: true }) });

export const signInBody = z.object({ email, password: z.string().min(1).max(200) });
export const sessionState = z.enum(['active', 'mfa_pending', 'mfa_enrolment_required']);
export const currentSession = z.object({
  state: sessionState,
  csrfToken: z.string(),
  user: user.pick({
    id: true,
    email: true,
    displayName: true,
    roles: true,
    organisationId: true,
    totpEnabled: true,
  }),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type CurrentSession = z.infer<typeof currentSession>;
export const mfaBody = z.union([
  z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') }),
  z.object({ recoveryCode: z.string().trim().min(8).max(40) }),
]);
export const totpEnrolment = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpConfirmBody = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') });
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const acceptInviteBody = z.object({ token: z.string().min(20).max(200), password });
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});

export const mfaSettings = z.object({ requiredRoles: z.array(role) });

export const auditEntry = z.object({
  seq: z.number().int(),
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  meta: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditPage = pageOf(auditEntry);
export const auditQuery = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const acceptInviteResult = z.object({ email: z.string() });
export const auditVerifyResult = z.object({
  checked: z.number().int(),
  breaks: z.array(z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() })),
});
