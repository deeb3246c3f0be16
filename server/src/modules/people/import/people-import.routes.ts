import {
  importMapping,
  importReport,
  peopleImport,
  startImportBody,
  startImportResult,
  uploadImportQuery,
  uploadImportResult,
} from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../../http/route-types.ts';
import { AppError } from '../../../shared/app-error.ts';
import { MAX_IMPORT_BYTES } from './people-import.service.ts';

const byId = z.object({ id: z.uuid() });

/**
 * Upload a file of people, map its columns, check it, import it. The upload is the raw file as
 * the request body; what it is (CSV or XLSX) is read from its bytes, whatever type it declares.
 */
export const peopleImportRoutes: AppRoutes = async (app, { services }) => {
  // Scoped to this plugin: any body type arrives as bytes, and the service decides what it is.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/people/imports',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['people'],
        summary:
          'Upload a CSV (UTF-8, comma or semicolon) or XLSX file of people as the request body (up to 50 MB, 200,000 rows)',
        querystring: uploadImportQuery,
        response: { 201: uploadImportResult },
      },
      config: { access: 'people.import' },
    },
    async (req, reply) => {
      const body = req.body;
      if (!Buffer.isBuffer(body))
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'send the file itself as the request body (text/csv or XLSX)',
        );
      const result = await services.peopleImport.uploadImport(actorOf(req), {
        source: req.query.source,
        fileName: req.query.fileName,
        content: body,
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/people/imports/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'An import: status, mapping, report, counts and its job',
        params: byId,
        response: { 200: peopleImport },
      },
      config: { access: 'people.import' },
    },
    async (req) => services.peopleImport.getImport(actorOf(req), req.params.id),
  );

  app.put(
    '/people/imports/:id/mapping',
    {
      schema: {
        tags: ['people'],
        summary: 'Set which column feeds which field (remembered for the source)',
        params: byId,
        body: importMapping,
        response: { 200: peopleImport },
      },
      config: { access: 'people.import' },
    },
    async (req) => services.peopleImport.setMapping(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/people/imports/:id/dry-run',
    {
      schema: {
        tags: ['people'],
        summary: 'Check every row with the registration rules; nothing is imported',
        params: byId,
        response: { 200: importReport },
      },
      config: { access: 'people.import' },
    },
    async (req) => services.peopleImport.dryRun(actorOf(req), req.params.id),
  );

  app.post(
    '/people/imports/:id/start',
    {
      schema: {
        tags: ['people'],
        summary: 'Import as a durable job, all or nothing (409 when rows are invalid and not skipped)',
        params: byId,
        body: startImportBody,
        response: { 202: startImportResult },
      },
      config: { access: 'people.import' },
    },
    async (req, reply) =>
      reply.status(202).send(await services.peopleImport.startImport(actorOf(req), req.params.id, req.body)),
  );
};
