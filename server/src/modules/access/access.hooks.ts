import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { AppError } from '../../shared/app-error.ts';
import { safeEqual } from '../../shared/crypto.ts';
import { hasRoleFor, isAction } from './access.policy.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'oselia_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isLocalHost(req: FastifyRequest) {
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(req.hostname.replace(/:\d+$/, ''));
}

/** httpOnly, SameSite=Lax, Secure everywhere but on a developer's own machine. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https' || !isLocalHost(req),
    maxAge: config.auth.sessionMaxHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * The one policy gate. Every API route declares `config.access`; before its body is even read,
 * this resolves the session (401 without one), checks the CSRF token on writes (403) and the
 * role (403). Checks that need the record itself (scope) happen in the services.
 */
export function registerAccessHooks(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access && access !== 'public' && access !== 'session.partial' && !isAction(access)) {
      throw new Error(`route ${route.method} ${route.url} names an unknown action "${access}"`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    const ctx = token ? await auth.resolveSession(req.tenantId, token) : null;
    if (!ctx) throw new AppError('UNAUTHENTICATED', 'sign in first');
    if (ctx.session.state !== 'active' && access !== 'session.partial') {
      throw new AppError('UNAUTHENTICATED', 'finish two-factor sign-in first', { state: ctx.session.state });
    }
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, ctx.session.csrf_token)) {
        throw new AppError('CSRF_FAILED', 'missing or wrong CSRF token: reload the page');
      }
    }
    if (access !== 'session.partial' && !hasRoleFor(ctx.actor, access)) {
      throw new AppError('FORBIDDEN', 'your role does not allow this');
    }
    req.auth = ctx;
  });
}
