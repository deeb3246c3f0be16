import {
  createFormBody,
  formDefinitionRecord,
  formDefinitionsPage,
  formParams,
  formsListQuery,
  formVersionQuery,
  updateFormBody,
  validateAnswersBody,
  validateAnswersResult,
  xlsFormImportResult,
  xlsFormUploadQuery,
} from '@oselia/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';
import { AppError } from '../../shared/app-error.ts';
import { MAX_XLSFORM_BYTES } from './forms.service.ts';

/** Form definitions: list, read any version, create, add a version, import an XLSForm, check answers. */
export const formsRoutes: AppRoutes = async (app, { services }) => {
  app.get(
    '/forms',
    {
      schema: {
        tags: ['forms'],
        summary: 'Form definitions (the latest version of each), newest first; `q` searches titles',
        querystring: formsListQuery,
        response: { 200: formDefinitionsPage },
      },
      config: { access: 'forms.read' },
    },
    async (req) => services.forms.listFormDefinitions(actorOf(req), req.query),
  );

  app.get(
    '/forms/:id',
    {
      schema: {
        tags: ['forms'],
        summary: 'A form definition: the latest version, or the one asked for',
        params: formParams,
        querystring: formVersionQuery,
        response: { 200: formDefinitionRecord },
      },
      config: { access: 'forms.read' },
    },
    async (req) => services.forms.readFormDefinition(actorOf(req), req.params.id, req.query.version),
  );

  app.post(
    '/forms',
    {
      schema: {
        tags: ['forms'],
        summary: 'Save a new form (version 1); 400 with `details.problems` when the definition has problems',
        body: createFormBody,
        response: { 201: formDefinitionRecord },
      },
      config: { access: 'forms.manage' },
    },
    async (req, reply) =>
      reply.status(201).send(await services.forms.createFormDefinition(actorOf(req), req.body)),
  );

  app.put(
    '/forms/:id',
    {
      schema: {
        tags: ['forms'],
        summary: 'Save the next version of a form (send the latest version you read; stale → 409)',
        params: formParams,
        body: updateFormBody,
        response: { 200: formDefinitionRecord },
      },
      config: { access: 'forms.manage' },
    },
    async (req) => services.forms.updateFormDefinition(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/forms/:id/validate',
    {
      schema: {
        tags: ['forms'],
        summary: 'Check answers against a form version (latest by default): cleaned answers and problems',
        params: formParams,
        body: validateAnswersBody,
        response: { 200: validateAnswersResult },
      },
      config: { access: 'forms.read' },
    },
    async (req) => {
      const actor = actorOf(req);
      await services.forms.readFormDefinition(actor, req.params.id, req.body.version);
      return services.forms.validateSubmission(
        actor.tenantId,
        req.params.id,
        req.body.version,
        req.body.answers,
        req.body.stage,
      );
    },
  );

  // The workbook arrives as the request body; only this route reads raw bytes.
  await app.register(async (plugin) => {
    const upload = plugin.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_XLSFORM_BYTES },
      (_req, body, done) => done(null, body),
    );
    upload.post(
      '/forms/xlsform',
      {
        bodyLimit: MAX_XLSFORM_BYTES,
        schema: {
          tags: ['forms'],
          summary:
            'Read an XLSForm (XLSX with survey, choices and settings sheets, up to 5 MB) sent as the request body into a definition, not saved; 400 with `details.problems` (sheet and row) when it cannot be translated',
          querystring: xlsFormUploadQuery,
          response: { 200: xlsFormImportResult },
        },
        config: { access: 'forms.manage' },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the XLSX workbook itself as the request body');
        }
        const result = await services.forms.importXlsForm(actorOf(req), req.body, req.query.fileName);
        if (!result.ok) {
          throw new AppError('VALIDATION_FAILED', 'the XLSForm cannot be translated', {
            problems: result.problems,
          });
        }
        return { definition: result.definition, ignoredRows: result.ignoredRows };
      },
    );
  });
};
