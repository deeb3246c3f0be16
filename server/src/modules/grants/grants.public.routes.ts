import {
  applicantApplication,
  applicationDocument,
  applicationStarted,
  applicationStatusView,
  publicGrantCall,
  publicGrantCallsList,
  saveDraftBody,
  startApplicationBody,
  submitApplicationBody,
  submitResult,
  uploadDocumentQuery,
} from '@oselia/contracts';
import { z } from 'zod';
import type { AppRoutes } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { acceptRawUploads, refuseOversize, sendFile, uploadedBytes } from '../files/files.http.ts';

const byId = z.object({ id: z.uuid() });
const byReference = z.object({ reference: z.string().min(6).max(20) });
/** The applicant's secret travels in a header, never in the address (addresses end up in logs and history). */
const secretHeader = z.object({ 'x-application-secret': z.string().trim().min(10).max(60) });

/**
 * Idempotency keys on a public route are shared by everyone without an account: a guessable key
 * could replay someone's first answer (with its secret). Public keys must be long and random.
 */
async function requireStrongIdempotencyKey(req: { headers: Record<string, unknown> }) {
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && key.length < 32) {
    throw new AppError(
      'BAD_REQUEST',
      'on public routes an Idempotency-Key must be random and at least 32 characters (a UUID)',
    );
  }
}

/**
 * Applying without an account: open calls, the call page, a draft with a reference code and a
 * secret, saving, documents, submission and the status check. Rate-limited per address.
 */
export const grantsPublicRoutes: AppRoutes = async (app, { services, config }) => {
  const apps = services.grantApplications;
  const maxBytes = services.files.maxBytes;
  const limited = {
    access: 'public' as const,
    rateLimit: { max: config.publicRatePerMinute, timeWindow: 60_000 },
  };
  acceptRawUploads(app, maxBytes);

  app.get(
    '/public/grants/calls',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'Calls open for applications now',
        response: { 200: publicGrantCallsList },
      },
      config: limited,
    },
    async (req) => services.grantCalls.listPublicCalls(req.tenantId),
  );

  app.get(
    '/public/grants/calls/:id',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'A call page: texts in uk/en, what to meet, documents, criteria and the form',
        params: byId,
        response: { 200: publicGrantCall },
      },
      config: limited,
    },
    async (req) => services.grantCalls.getPublicCall(req.tenantId, req.params.id),
  );

  app.post(
    '/public/grants/calls/:id/applications',
    {
      onRequest: requireStrongIdempotencyKey,
      schema: {
        tags: ['public', 'grants'],
        summary:
          'Start an application: answers the reference code and the secret, once (keep both to continue and to check the status)',
        params: byId,
        body: startApplicationBody,
        response: { 201: applicationStarted },
      },
      config: limited,
    },
    async (req, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await apps.startApplication(req.tenantId, req.params.id, req.body)),
  );

  app.get(
    '/public/grants/applications/:reference',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'The applicant’s own application (X-Application-Secret header), to continue or re-read',
        params: byReference,
        headers: secretHeader,
        response: { 200: applicantApplication },
      },
      config: limited,
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(
          await apps.getOwnApplication(
            req.tenantId,
            req.params.reference,
            req.headers['x-application-secret'],
          ),
        ),
  );

  app.put(
    '/public/grants/applications/:reference',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'Save the draft (send the version you read; 409 if stale; 400 with the problems per field)',
        params: byReference,
        headers: secretHeader,
        body: saveDraftBody,
        response: { 200: applicantApplication },
      },
      config: limited,
    },
    async (req) =>
      apps.saveDraft(req.tenantId, req.params.reference, req.headers['x-application-secret'], req.body),
  );

  app.post(
    '/public/grants/applications/:reference/documents',
    {
      bodyLimit: maxBytes,
      onRequest: [refuseOversize(maxBytes), requireStrongIdempotencyKey],
      schema: {
        tags: ['public', 'grants'],
        summary:
          'Upload a document as the request body: PDF, JPEG or PNG, checked by content (415 otherwise), 413 past the size limit',
        params: byReference,
        headers: secretHeader,
        querystring: uploadDocumentQuery,
        response: { 201: applicationDocument },
      },
      config: limited,
    },
    async (req, reply) =>
      reply.status(201).send(
        await apps.uploadDocument(req.tenantId, req.params.reference, req.headers['x-application-secret'], {
          kind: req.query.kind,
          name: req.query.name,
          bytes: uploadedBytes(req.body),
        }),
      ),
  );

  app.get(
    '/public/grants/applications/:reference/documents/:documentId',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'Download one of the application’s own documents',
        params: byReference.extend({ documentId: z.uuid() }),
        headers: secretHeader,
        response: { 200: z.any() },
      },
      config: limited,
    },
    async (req, reply) =>
      sendFile(
        reply,
        services.files,
        await apps.ownDocumentFile(
          req.tenantId,
          req.params.reference,
          req.headers['x-application-secret'],
          req.params.documentId,
        ),
      ),
  );

  app.delete(
    '/public/grants/applications/:reference/documents/:documentId',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'Remove a document from a draft',
        params: byReference.extend({ documentId: z.uuid() }),
        headers: secretHeader,
        response: { 204: z.null() },
      },
      config: limited,
    },
    async (req, reply) => {
      await apps.removeDocument(
        req.tenantId,
        req.params.reference,
        req.headers['x-application-secret'],
        req.params.documentId,
      );
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/public/grants/applications/:reference/submit',
    {
      schema: {
        tags: ['public', 'grants'],
        summary:
          'Submit (400 with what is missing; 409 after the closing date or when the business already applied to this call)',
        params: byReference,
        headers: secretHeader,
        body: submitApplicationBody,
        response: { 200: submitResult },
      },
      config: limited,
    },
    async (req) =>
      apps.submit(req.tenantId, req.params.reference, req.headers['x-application-secret'], req.body.version),
  );

  app.get(
    '/public/grants/applications/:reference/status',
    {
      schema: {
        tags: ['public', 'grants'],
        summary: 'Status and messages, with the reference code and the secret (nothing without the secret)',
        params: byReference,
        headers: secretHeader,
        response: { 200: applicationStatusView },
      },
      config: limited,
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await apps.statusOf(req.tenantId, req.params.reference, req.headers['x-application-secret'])),
  );
};
