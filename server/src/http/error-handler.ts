import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus } from '../shared/app-error.ts';
import { loggableError } from '../shared/loggable-error.ts';

const statusCodes = new Map<number, ErrorCode>([
  [400, 'BAD_REQUEST'],
  [401, 'UNAUTHENTICATED'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [409, 'CONFLICT'],
  [413, 'PAYLOAD_TOO_LARGE'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [429, 'RATE_LIMITED'],
]);

function body(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

/** One place where errors become HTTP answers; 5xx never show internals. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) req.log.error({ err: loggableError(error) }, 'request failed');
      return reply.status(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', 'the request is not valid', { fields }));
    }
    if (isResponseSerializationError(error)) {
      req.log.error(
        { err: { message: error.message, method: error.method, path: String(error.url).split('?')[0] } },
        'response failed its schema',
      );
      return reply.status(500).send(body('INTERNAL', 'internal error'));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = statusCodes.get(status) ?? 'BAD_REQUEST';
      // Fastify's own 4xx messages (bad JSON, body too large, wrong content type) are safe to show.
      return reply.status(status).send(body(code, error.message));
    }
    req.log.error({ err: loggableError(error) }, 'request failed');
    return reply.status(500).send(body('INTERNAL', 'internal error'));
  });
}

export { errorStatus };
