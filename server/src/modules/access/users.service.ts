import type { Role } from '@oselia/contracts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { UserRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { randomToken, sha256 } from '../../shared/crypto.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { toUser, userForAudit } from './access.mapper.ts';
import type { Actor } from './access.policy.ts';
import { createAccessRepository } from './access.repository.ts';
import type { AuditService } from './audit.service.ts';
import { MFA_ROLES_SETTING } from './auth.service.ts';
import { checkPasswordStrength, hashPassword } from './password.ts';

const INVITE_DAYS = 7;
const RESET_HOURS = 24;

export interface NewUser {
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  projectScope: string[] | null;
  oblastScope: string[] | null;
  totpRequired: boolean;
  password?: string | undefined;
}

export interface UserPatch {
  version: number;
  displayName?: string | undefined;
  organisationId?: string | undefined;
  roles?: Role[] | undefined;
  projectScope?: string[] | null | undefined;
  oblastScope?: string[] | null | undefined;
  totpRequired?: boolean | undefined;
}

/** The actor for work done from the command line or the demo seed. */
export const systemActor = (label: string) => ({ userId: null, label });

export function createUsersService(db: Database, deps: { config: Config; audit: AuditService }) {
  const repo = createAccessRepository(db);

  const linkFor = (token: string, purpose: 'invite' | 'reset') =>
    `${deps.config.publicUrl}/${purpose}/${token}`;

  async function issueToken(tx: Database, user: UserRow, purpose: 'invite' | 'reset') {
    const token = randomToken();
    const expiresAt = new Date(
      Date.now() + (purpose === 'invite' ? INVITE_DAYS * 24 : RESET_HOURS) * 3600_000,
    );
    await createAccessRepository(tx).insertToken({
      tenant_id: user.tenant_id,
      id: sha256(token),
      user_id: user.id,
      purpose,
      expires_at: expiresAt,
    });
    return { url: linkFor(token, purpose), expiresAt: expiresAt.toISOString() };
  }

  async function requireOrganisation(tx: Database, tenantId: string, organisationId: string) {
    if (!(await createAccessRepository(tx).findOrganisation(tenantId, organisationId))) {
      throw new AppError('VALIDATION_FAILED', 'unknown organisation', {
        fields: [{ field: 'organisationId', message: 'unknown organisation' }],
      });
    }
  }

  async function loadUser(tenantId: string, id: string) {
    const user = await repo.findUserById(tenantId, id);
    if (!user) throw notFound('user');
    return user;
  }

  return {
    async listUsers(
      tenantId: string,
      q: {
        q?: string;
        role?: Role;
        status?: UserRow['status'];
        organisationId?: string;
        cursor?: string;
        limit: number;
      },
    ) {
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listUsers({
        tenantId,
        limit: q.limit,
        ...(q.q ? { q: q.q } : {}),
        ...(q.role ? { role: q.role } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.organisationId ? { organisationId: q.organisationId } : {}),
        ...(after ? { afterEmail: String(after[0]) } : {}),
      });
      const page = pageFrom(rows, q.limit, (r) => [r.email]);
      return { items: page.items.map(toUser), next: page.next };
    },

    async getUser(tenantId: string, id: string) {
      return toUser(await loadUser(tenantId, id));
    },

    /** With a password the user is active at once; without one, they get an invitation link. */
    async createUser(
      tenantId: string,
      actor: Pick<Actor, 'userId' | 'label'> | ReturnType<typeof systemActor>,
      input: NewUser,
    ) {
      if (input.password) await checkPasswordStrength(input.password, [input.email, input.displayName]);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        await requireOrganisation(trx, tenantId, input.organisationId);
        if (await r.findUserByEmail(tenantId, input.email)) {
          throw new AppError('CONFLICT', 'a user with this email exists already', {
            fields: [{ field: 'email', message: 'taken' }],
          });
        }
        const row = await r.insertUser({
          tenant_id: tenantId,
          id: uuidv7(),
          organisation_id: input.organisationId,
          email: input.email,
          display_name: input.displayName,
          password_hash: passwordHash,
          status: passwordHash ? 'active' : 'invited',
          roles: [...new Set(input.roles)],
          project_scope: input.projectScope,
          oblast_scope: input.oblastScope,
          totp_required: input.totpRequired,
          created_by: actor.userId,
        });
        const invite = passwordHash ? null : await issueToken(trx, row, 'invite');
        await deps.audit.recordAudit(
          {
            tenantId,
            actor,
            action: 'user.created',
            entityType: 'user',
            entityId: row.id,
            after: userForAudit(row),
            meta: { invited: !!invite },
          },
          trx,
        );
        return { user: toUser(row), inviteUrl: invite?.url ?? null };
      });
    },

    async updateUser(tenantId: string, actor: Actor, id: string, patch: UserPatch) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        const before = await r.findUserById(tenantId, id);
        if (!before) throw notFound('user');
        if (patch.organisationId) await requireOrganisation(trx, tenantId, patch.organisationId);
        if (
          id === actor.userId &&
          patch.roles &&
          !patch.roles.includes('admin') &&
          before.roles.includes('admin')
        ) {
          throw new AppError('CONFLICT', 'you cannot remove your own admin role');
        }
        const after = await r.updateUser(tenantId, id, patch.version, {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.organisationId !== undefined ? { organisation_id: patch.organisationId } : {}),
          ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
          ...(patch.projectScope !== undefined ? { project_scope: patch.projectScope } : {}),
          ...(patch.oblastScope !== undefined ? { oblast_scope: patch.oblastScope } : {}),
          ...(patch.totpRequired !== undefined ? { totp_required: patch.totpRequired } : {}),
        });
        if (!after) {
          throw new AppError(
            'VERSION_CONFLICT',
            'someone else changed this user meanwhile: reload and apply your change again',
            {
              current: toUser(before),
            },
          );
        }
        await deps.audit.recordAudit(
          {
            tenantId,
            actor,
            action: 'user.updated',
            entityType: 'user',
            entityId: id,
            before: userForAudit(before),
            after: userForAudit(after),
          },
          trx,
        );
        return toUser(after);
      });
    },

    async setUserActive(tenantId: string, actor: Actor, id: string, active: boolean) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        const before = await r.findUserById(tenantId, id);
        if (!before) throw notFound('user');
        if (!active && id === actor.userId) throw new AppError('CONFLICT', 'you cannot deactivate yourself');
        const status = active ? (before.password_hash ? 'active' : 'invited') : 'deactivated';
        const after = (await r.updateUser(tenantId, id, null, { status }))!;
        if (!active) await r.revokeUserSessions(tenantId, id);
        await deps.audit.recordAudit(
          {
            tenantId,
            actor,
            action: active ? 'user.reactivated' : 'user.deactivated',
            entityType: 'user',
            entityId: id,
            before: userForAudit(before),
            after: userForAudit(after),
          },
          trx,
        );
        return toUser(after);
      });
    },

    /** A one-time link to choose a new password; the old password and sessions stop working. */
    async issuePasswordReset(tenantId: string, actor: Actor, id: string) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        const user = await r.findUserById(tenantId, id);
        if (!user) throw notFound('user');
        if (user.status === 'deactivated') throw new AppError('CONFLICT', 'reactivate the user first');
        await r.recordSignInOutcome(tenantId, id, { password_hash: null, status: 'invited' });
        await r.revokeUserSessions(tenantId, id);
        const link = await issueToken(trx, user, user.password_hash ? 'reset' : 'invite');
        await deps.audit.recordAudit(
          { tenantId, actor, action: 'user.password_reset_issued', entityType: 'user', entityId: id },
          trx,
        );
        return link;
      });
    },

    /** Turns off two-factor sign-in for a user who lost their device; they enrol again. */
    async resetTotp(tenantId: string, actor: Actor, id: string) {
      await loadUser(tenantId, id);
      await repo.recordSignInOutcome(tenantId, id, {
        totp_enabled: false,
        totp_secret: null,
        recovery_codes: null,
      });
      await repo.revokeUserSessions(tenantId, id);
      await deps.audit.recordAudit({
        tenantId,
        actor,
        action: 'user.totp_reset',
        entityType: 'user',
        entityId: id,
      });
      return toUser(await loadUser(tenantId, id));
    },

    async readMfaRoles(tenantId: string): Promise<Role[]> {
      return (await repo.readSetting<Role[]>(tenantId, MFA_ROLES_SETTING)) ?? [];
    },

    async writeMfaRoles(tenantId: string, actor: Actor, roles: Role[]) {
      const before = await this.readMfaRoles(tenantId);
      const unique = [...new Set(roles)];
      await repo.writeSetting(tenantId, MFA_ROLES_SETTING, unique, actor.userId);
      await deps.audit.recordAudit({
        tenantId,
        actor,
        action: 'settings.mfa_roles_changed',
        entityType: 'settings',
        entityId: MFA_ROLES_SETTING,
        before,
        after: unique,
      });
      return unique;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
