import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Services } from '../services.ts';

/**
 * What a route needs to be reached: `public` (no sign-in) or the name of a policy action
 * that the access layer checks. Every route must declare one.
 */
export type RouteAccess = 'public' | `${string}.${string}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RouteDeps {
  services: Services;
  config: Config;
}

export type AppRoutes = FastifyPluginAsyncZod<RouteDeps>;
