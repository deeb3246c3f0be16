import {
  acceptInviteBody,
  acceptInviteResult,
  changePasswordBody,
  currentSession,
  mfaBody,
  recoveryCodes,
  signInBody,
  totpConfirmBody,
  totpEnrolment,
} from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes, actorOf } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { clearSessionCookie, setSessionCookie } from './access.hooks.ts';

const session = (req: { auth: unknown }) => {
  if (!req.auth) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return req.auth as NonNullable<Parameters<typeof actorOf>[0]['auth']>;
};

export const authRoutes: AppRoutes = async (app, { services, config }) => {
  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags: ['public', 'auth'],
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: currentSession },
      },
      config: { access: 'public', rateLimit: { max: config.auth.signInRatePerMinute, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const { token, session: s } = await services.auth.signIn(
        req.tenantId,
        req.body.email,
        req.body.password,
        req.headers['user-agent'],
      );
      setSessionCookie(req, reply, token, config);
      return s;
    },
  );

  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The current session and its CSRF token',
        response: { 200: currentSession },
      },
      config: { access: 'session.partial' },
    },
    async (req) => services.auth.describeSession(session(req).session, session(req).user),
  );

  app.post(
    '/auth/mfa',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second step: a TOTP code or a recovery code',
        body: mfaBody,
        response: { 200: currentSession },
      },
      config: {
        access: 'session.partial',
        rateLimit: { max: config.auth.signInRatePerMinute, timeWindow: 60_000 },
      },
    },
    async (req) => services.auth.completeMfa(session(req), req.body),
  );

  app.post(
    '/auth/totp/enrol',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor enrolment: a new secret',
        response: { 200: totpEnrolment },
      },
      config: { access: 'session.partial' },
    },
    async (req) => services.auth.startTotpEnrolment(session(req)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a code; returns recovery codes once',
        body: totpConfirmBody,
        response: { 200: recoveryCodes },
      },
      config: { access: 'session.partial' },
    },
    async (req) => services.auth.confirmTotpEnrolment(session(req), req.body.code),
  );

  app.post(
    '/auth/sign-out',
    {
      schema: { tags: ['auth'], summary: 'Sign out of this session', response: { 204: z.null() } },
      config: { access: 'session.partial' },
    },
    async (req, reply) => {
      await services.auth.signOut(session(req));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of every session of this user',
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
      config: { access: 'session.self' },
    },
    async (req, reply) => {
      const revoked = await services.auth.signOutEverywhere(session(req));
      clearSessionCookie(reply);
      return { revoked };
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
      config: { access: 'session.self' },
    },
    async (req, reply) => {
      await services.auth.changePassword(session(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/accept',
    {
      schema: {
        tags: ['public', 'auth'],
        summary: 'Choose a password from an invitation or reset link',
        body: acceptInviteBody,
        response: { 200: acceptInviteResult },
      },
      config: { access: 'public', rateLimit: { max: config.auth.signInRatePerMinute, timeWindow: 60_000 } },
    },
    async (req) => ({
      email: await services.auth.acceptToken(req.tenantId, req.body.token, req.body.password),
    }),
  );
};
