import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Action, Actor } from '../modules/access/access.policy.ts';
import type { SessionContext } from '../modules/access/auth.service.ts';
import type { Services } from '../services.ts';

/**
 * What a route needs to be reached: `public` (no sign-in) or the name of a policy action
 * that the access layer checks. Every route must declare one.
 */
export type RouteAccess = 'public' | 'session.partial' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    tenantId: string;
    /** Set for every route that is not public; the access hook guarantees it. */
    auth: SessionContext | null;
  }
}

export interface RouteDeps {
  services: Services;
  config: Config;
}

export type AppRoutes = FastifyPluginAsyncZod<RouteDeps>;

/** The signed-in actor of a non-public route. */
export function actorOf(req: { auth: SessionContext | null }): Actor {
  if (!req.auth) throw new Error('actorOf() called on a route without a session');
  return req.auth.actor;
}
