import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { sha256 } from '../../shared/crypto.ts';
import { createIdempotencyRepository, type IdempotencyScope } from './idempotency.repository.ts';

const HEADER = 'idempotency-key';
const KEEP_HOURS = 24;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyScope | null;
  }
}

/**
 * `Idempotency-Key` on creating POSTs: field tablets on poor connections retry, and a retry must
 * return the first answer, not create a second household. Keys belong to the signed-in user (or
 * to the public), and a key reused for a different request is refused.
 */
export function registerIdempotencyHooks(app: FastifyInstance, db: Database) {
  const repo = createIdempotencyRepository(db);
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply) => {
    const key = req.headers[HEADER];
    if (req.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || !/^[\w.:-]{8,200}$/.test(key)) {
      throw new AppError(
        'BAD_REQUEST',
        'Idempotency-Key must be 8 to 200 letters, digits, dots, colons, dashes or underscores',
      );
    }
    const scope = { tenantId: req.tenantId, owner: req.auth?.user.id ?? 'public', key };
    const hash = sha256(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`);
    if (await repo.claimKey(scope, hash)) {
      req.idempotency = scope;
      return;
    }
    const prior = await repo.findKey(scope);
    if (!prior) throw new AppError('CONFLICT', 'retry the request');
    if (prior.request_hash !== hash) {
      throw new AppError('UNPROCESSABLE', 'this Idempotency-Key was used for a different request');
    }
    if (prior.status_code === null)
      throw new AppError('CONFLICT', 'a request with this Idempotency-Key is still being processed');
    return reply
      .status(prior.status_code)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(prior.response_body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const scope = req.idempotency;
    if (!scope) return payload;
    // A server failure is not an answer to keep: the client may try again.
    if (reply.statusCode >= 500 || typeof payload !== 'string') await repo.releaseKey(scope);
    else await repo.saveResponse(scope, reply.statusCode, payload);
    return payload;
  });

  // Old keys go; a day covers any reasonable retry.
  const timer = setInterval(() => void repo.purgeOlderThan(KEEP_HOURS).catch(() => {}), 3600_000);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
