import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import type { AppRoutes, RouteAccess } from './http/route-types.ts';
import { registerAccessHooks } from './modules/access/access.hooks.ts';
import { auditRoutes } from './modules/access/audit.routes.ts';
import { authRoutes } from './modules/access/auth.routes.ts';
import { organisationsRoutes } from './modules/access/organisations.routes.ts';
import { usersRoutes } from './modules/access/users.routes.ts';
import { dedupRoutes } from './modules/dedup/dedup.routes.ts';
import { feedbackPages } from './modules/feedback/feedback.pages.ts';
import { feedbackRoutes } from './modules/feedback/feedback.routes.ts';
import { filesRoutes } from './modules/files/files.routes.ts';
import { formsRoutes } from './modules/forms/forms.routes.ts';
import { grantsAwardsRoutes } from './modules/grants/grants.awards.routes.ts';
import { grantCallsRoutes } from './modules/grants/grants.calls.routes.ts';
import { grantsCommitteeRoutes } from './modules/grants/grants.committee.routes.ts';
import { grantsDashboardRoutes } from './modules/grants/grants.dashboard.routes.ts';
import { grantsMonitoringRoutes } from './modules/grants/grants.monitoring.routes.ts';
import { grantsPaymentsRoutes } from './modules/grants/grants.payments.routes.ts';
import { grantsPublicRoutes } from './modules/grants/grants.public.routes.ts';
import { grantsReviewersRoutes } from './modules/grants/grants.reviewers.routes.ts';
import { grantsReviewsRoutes } from './modules/grants/grants.reviews.routes.ts';
import { grantScreeningRoutes } from './modules/grants/grants.screening.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { registerIdempotencyHooks } from './modules/idempotency/idempotency.hooks.ts';
import { jobsRoutes } from './modules/jobs/jobs.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { peopleImportRoutes } from './modules/people/import/people-import.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { placesRoutes } from './modules/places/places.routes.ts';
import { portalPages, portalRootRoutes } from './modules/portal/portal.public.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { type PublicPages, registerPublicSite } from './modules/portal/portal.site.ts';
import { trainingsAwarenessRoutes } from './modules/trainings/trainings.awareness.routes.ts';
import { trainingsDeliveryRoutes } from './modules/trainings/trainings.delivery.routes.ts';
import { trainingsPublicRoutes } from './modules/trainings/trainings.public.routes.ts';
import { trainingsRoutes } from './modules/trainings/trainings.routes.ts';
import type { Services } from './services.ts';
import { AppError } from './shared/app-error.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, for the policy matrix test and the docs. */
    routeTable: RegisteredRoute[];
  }
}

export interface AppDeps {
  config: Config;
  services: Services;
  tenantId: string;
  logger?: FastifyServerOptions['logger'];
}

const apiModules: AppRoutes[] = [
  healthRoutes,
  authRoutes,
  usersRoutes,
  organisationsRoutes,
  auditRoutes,
  placesRoutes,
  peopleRoutes,
  dedupRoutes,
  formsRoutes,
  peopleImportRoutes,
  jobsRoutes,
  notificationsRoutes,
  trainingsRoutes,
  trainingsDeliveryRoutes,
  trainingsAwarenessRoutes,
  trainingsPublicRoutes,
  portalRoutes,
  filesRoutes,
  grantCallsRoutes,
  grantScreeningRoutes,
  grantsPublicRoutes,
  grantsReviewsRoutes,
  grantsReviewersRoutes,
  grantsCommitteeRoutes,
  grantsAwardsRoutes,
  grantsPaymentsRoutes,
  grantsMonitoringRoutes,
  grantsDashboardRoutes,
  feedbackRoutes,
];

/**
 * Server-rendered public pages (no JavaScript needed), each module registered under `/uk` and `/en`:
 * see portal.site.ts for how to add one.
 */
const publicPages: PublicPages[] = [portalPages, feedbackPages];

/** Logs carry method, path and status only: query strings can hold names and phone numbers. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(deps: AppDeps) {
  const { config, services } = deps;
  const app = Fastify({
    logger: deps.logger ?? loggerOptions(config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `too many attempts: try again in ${Math.ceil(ctx.ttl / 1000)} s`, {
        retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
      }),
  });

  app.decorateRequest('tenantId', '');
  app.addHook('onRequest', async (req, reply) => {
    req.tenantId = deps.tenantId;
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  // Every API route says who may reach it; a route without a declaration fails the start.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    }
  });

  registerAccessHooks(app, services.auth);
  registerIdempotencyHooks(app, services.db);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Oselia API',
        version: config.version,
        description: 'Routes tagged `public` need no sign-in.',
      },
      tags: [{ name: 'public', description: 'Reachable without signing in' }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      for (const routes of apiModules) await api.register(routes, { services, config });
    },
    { prefix: '/api/v1' },
  );

  await registerPublicSite(app, publicPages, { services, config }, { atRoot: config.portalAtRoot });
  await app.register(portalRootRoutes, { services, config });

  const indexHtml = path.join(config.webDist, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '/';
    if (hasWeb && req.method === 'GET' && !urlPath.startsWith('/api')) {
      // Single-page app: the client router takes any other path.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `no route for ${req.method} ${urlPath}` } });
  });

  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
