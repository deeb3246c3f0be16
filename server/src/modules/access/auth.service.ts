import type { CurrentSession, Role } from '@oselia/contracts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { SessionRow, UserRow } from '../../db/schema.ts';
import { AppError } from '../../shared/app-error.ts';
import { type Crypto, randomToken, sha256 } from '../../shared/crypto.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from './access.policy.ts';
import { createAccessRepository } from './access.repository.ts';
import type { AuditService } from './audit.service.ts';
import { checkPasswordStrength, dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { createRecoveryCodes, createTotpSecret, hashRecoveryCode, verifyTotp } from './totp.ts';

export const MFA_ROLES_SETTING = 'auth.mfa_required_roles';
const FAILURE_WINDOW_MS = 15 * 60_000;

export interface SessionContext {
  session: SessionRow;
  user: UserRow;
  actor: Actor;
}

export function actorOf(user: UserRow, label = user.email): Actor {
  return {
    userId: user.id,
    tenantId: user.tenant_id,
    organisationId: user.organisation_id,
    roles: user.roles as Role[],
    projectScope: user.project_scope,
    oblastScope: user.oblast_scope,
    label,
  };
}

export function createAuthService(
  db: Database,
  deps: { config: Config; crypto: Crypto; audit: AuditService },
) {
  const repo = createAccessRepository(db);
  const { auth } = deps.config;
  const systemActor = (label: string) => ({ userId: null, label });

  function describeSession(session: SessionRow, user: UserRow): CurrentSession {
    return {
      state: session.state,
      csrfToken: session.csrf_token,
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        roles: user.roles as Role[],
        organisationId: user.organisation_id,
        totpEnabled: user.totp_enabled,
      },
      expiresAt: iso(session.expires_at),
    };
  }

  async function isMfaRequired(user: UserRow) {
    if (user.totp_required) return true;
    const roles = (await repo.readSetting<Role[]>(user.tenant_id, MFA_ROLES_SETTING)) ?? [];
    return user.roles.some((r) => roles.includes(r as Role));
  }

  async function openSession(user: UserRow, state: SessionRow['state'], userAgent: string | undefined) {
    const token = randomToken();
    const session: SessionRow = {
      tenant_id: user.tenant_id,
      id: sha256(token),
      user_id: user.id,
      state,
      csrf_token: randomToken(24),
      created_at: new Date(),
      last_seen_at: new Date(),
      expires_at: new Date(Date.now() + auth.sessionMaxHours * 3600_000),
      revoked_at: null,
      user_agent: userAgent?.slice(0, 300) ?? null,
    };
    await repo.insertSession(session);
    return { token, session: describeSession(session, user) };
  }

  /** Counts a failure; locks the account after too many within the window. */
  async function recordFailure(user: UserRow) {
    const now = Date.now();
    const windowOpen =
      user.first_failed_at && now - new Date(user.first_failed_at).getTime() < FAILURE_WINDOW_MS;
    const failures = (windowOpen ? user.failed_attempts : 0) + 1;
    if (failures >= auth.lockAfterFailures) {
      const lockedUntil = new Date(now + auth.lockSeconds * 1000);
      await repo.recordSignInOutcome(user.tenant_id, user.id, {
        failed_attempts: 0,
        first_failed_at: null,
        locked_until: lockedUntil,
      });
      await deps.audit.recordAudit({
        tenantId: user.tenant_id,
        actor: systemActor('sign-in guard'),
        action: 'auth.account_locked',
        entityType: 'user',
        entityId: user.id,
        meta: { failures, lockedUntil: lockedUntil.toISOString() },
      });
    } else {
      await repo.recordSignInOutcome(user.tenant_id, user.id, {
        failed_attempts: failures,
        first_failed_at: windowOpen ? user.first_failed_at : new Date(now),
      });
    }
  }

  function assertNotLocked(user: UserRow) {
    if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
      const seconds = Math.ceil((new Date(user.locked_until).getTime() - Date.now()) / 1000);
      throw new AppError('RATE_LIMITED', 'too many failed sign-ins: the account is locked for a while', {
        retryAfterSeconds: seconds,
      });
    }
  }

  return {
    describeSession,

    async signIn(tenantId: string, email: string, password: string, userAgent?: string) {
      const user = await repo.findUserByEmail(tenantId, email);
      if (user?.status !== 'active' || !user.password_hash) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw new AppError('UNAUTHENTICATED', 'wrong email or password');
      }
      assertNotLocked(user);
      if (!(await verifyPassword(user.password_hash, password))) {
        await recordFailure(user);
        throw new AppError('UNAUTHENTICATED', 'wrong email or password');
      }
      await repo.recordSignInOutcome(tenantId, user.id, {
        failed_attempts: 0,
        first_failed_at: null,
        locked_until: null,
        last_sign_in_at: new Date(),
      });
      const state = user.totp_enabled
        ? 'mfa_pending'
        : (await isMfaRequired(user))
          ? 'mfa_enrolment_required'
          : 'active';
      await deps.audit.recordAudit({
        tenantId,
        actor: { userId: user.id, label: user.email },
        action: 'auth.signed_in',
        entityType: 'user',
        entityId: user.id,
        meta: { state },
      });
      return openSession(user, state, userAgent);
    },

    /** The session behind a cookie token, if it is live: not revoked, not idle too long, not too old. */
    async resolveSession(tenantId: string, token: string): Promise<SessionContext | null> {
      if (!token || token.length > 100) return null;
      const session = await repo.findSession(tenantId, sha256(token));
      if (!session) return null;
      const now = Date.now();
      const idleMs = now - new Date(session.last_seen_at).getTime();
      if (new Date(session.expires_at).getTime() <= now || idleMs > auth.sessionIdleMinutes * 60_000) {
        await repo.revokeSession(tenantId, session.id);
        return null;
      }
      const user = await repo.findUserById(tenantId, session.user_id);
      if (user?.status !== 'active') return null;
      if (idleMs > 60_000) await repo.touchSession(tenantId, session.id);
      return { session, user, actor: actorOf(user) };
    },

    async completeMfa(ctx: SessionContext, body: { code: string } | { recoveryCode: string }) {
      if (ctx.session.state !== 'mfa_pending')
        throw new AppError('CONFLICT', 'this session does not wait for a code');
      const user = (await repo.findUserById(ctx.user.tenant_id, ctx.user.id))!;
      assertNotLocked(user);
      let ok = false;
      if ('code' in body) {
        ok = !!user.totp_secret && (await verifyTotp(deps.crypto.decrypt(user.totp_secret), body.code));
      } else {
        const hashes = (user.recovery_codes as string[] | null) ?? [];
        const h = hashRecoveryCode(body.recoveryCode);
        if (hashes.includes(h)) {
          ok = true;
          await repo.recordSignInOutcome(user.tenant_id, user.id, {
            recovery_codes: JSON.stringify(hashes.filter((x) => x !== h)),
          });
          await deps.audit.recordAudit({
            tenantId: user.tenant_id,
            actor: { userId: user.id, label: user.email },
            action: 'auth.recovery_code_used',
            entityType: 'user',
            entityId: user.id,
            meta: { left: hashes.length - 1 },
          });
        }
      }
      if (!ok) {
        await recordFailure(user);
        throw new AppError('UNAUTHENTICATED', 'the code is not right');
      }
      await repo.setSessionState(user.tenant_id, ctx.session.id, 'active');
      return describeSession({ ...ctx.session, state: 'active' }, user);
    },

    /** Step 1 of enrolment: a new secret, kept (encrypted) until the user proves it with a code. */
    async startTotpEnrolment(ctx: SessionContext) {
      if (ctx.user.totp_enabled) throw new AppError('CONFLICT', 'two-factor sign-in is already on');
      const { secret, otpauthUrl } = createTotpSecret(ctx.user.email);
      await repo.recordSignInOutcome(ctx.user.tenant_id, ctx.user.id, {
        totp_secret: deps.crypto.encrypt(secret),
      });
      return { secret, otpauthUrl };
    },

    async confirmTotpEnrolment(ctx: SessionContext, code: string) {
      const user = (await repo.findUserById(ctx.user.tenant_id, ctx.user.id))!;
      if (user.totp_enabled) throw new AppError('CONFLICT', 'two-factor sign-in is already on');
      if (!user.totp_secret) throw new AppError('CONFLICT', 'start the enrolment first');
      if (!(await verifyTotp(deps.crypto.decrypt(user.totp_secret), code))) {
        throw new AppError('VALIDATION_FAILED', 'the code is not right', {
          fields: [{ field: 'code', message: 'the code is not right' }],
        });
      }
      const { codes, hashes } = createRecoveryCodes();
      await repo.recordSignInOutcome(user.tenant_id, user.id, {
        totp_enabled: true,
        recovery_codes: JSON.stringify(hashes),
      });
      if (ctx.session.state === 'mfa_enrolment_required')
        await repo.setSessionState(user.tenant_id, ctx.session.id, 'active');
      await deps.audit.recordAudit({
        tenantId: user.tenant_id,
        actor: ctx.actor,
        action: 'auth.totp_enabled',
        entityType: 'user',
        entityId: user.id,
      });
      return { recoveryCodes: codes };
    },

    async signOut(ctx: SessionContext) {
      await repo.revokeSession(ctx.user.tenant_id, ctx.session.id);
      await deps.audit.recordAudit({
        tenantId: ctx.user.tenant_id,
        actor: ctx.actor,
        action: 'auth.signed_out',
        entityType: 'user',
        entityId: ctx.user.id,
      });
    },

    async signOutEverywhere(ctx: SessionContext) {
      const revoked = await repo.revokeUserSessions(ctx.user.tenant_id, ctx.user.id);
      await deps.audit.recordAudit({
        tenantId: ctx.user.tenant_id,
        actor: ctx.actor,
        action: 'auth.signed_out_everywhere',
        entityType: 'user',
        entityId: ctx.user.id,
        meta: { sessions: revoked },
      });
      return revoked;
    },

    async changePassword(ctx: SessionContext, currentPassword: string, newPassword: string) {
      const user = (await repo.findUserById(ctx.user.tenant_id, ctx.user.id))!;
      if (!(await verifyPassword(user.password_hash, currentPassword))) {
        await recordFailure(user);
        throw new AppError('VALIDATION_FAILED', 'the current password is not right', {
          fields: [{ field: 'currentPassword', message: 'not right' }],
        });
      }
      await checkPasswordStrength(newPassword, [user.email, user.display_name]);
      await repo.recordSignInOutcome(user.tenant_id, user.id, {
        password_hash: await hashPassword(newPassword),
      });
      await repo.revokeUserSessions(user.tenant_id, user.id, ctx.session.id);
      await deps.audit.recordAudit({
        tenantId: user.tenant_id,
        actor: ctx.actor,
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
      });
    },

    /** An invitation or reset link: sets the password and activates the user, who then signs in. */
    async acceptToken(tenantId: string, token: string, password: string) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        const used = await r.consumeToken(tenantId, sha256(token));
        if (!used)
          throw new AppError(
            'NOT_FOUND',
            'this link is not valid any more: ask an administrator for a new one',
          );
        const user = await r.findUserById(tenantId, used.user_id);
        if (!user || user.status === 'deactivated')
          throw new AppError('FORBIDDEN', 'this account is deactivated');
        await checkPasswordStrength(password, [user.email, user.display_name]);
        await r.recordSignInOutcome(tenantId, user.id, {
          password_hash: await hashPassword(password),
          status: 'active',
          failed_attempts: 0,
          locked_until: null,
        });
        await r.revokeUserSessions(tenantId, user.id);
        await deps.audit.recordAudit(
          {
            tenantId,
            actor: { userId: user.id, label: user.email },
            action: `auth.${used.purpose}_accepted`,
            entityType: 'user',
            entityId: user.id,
          },
          trx,
        );
        return user.email;
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
