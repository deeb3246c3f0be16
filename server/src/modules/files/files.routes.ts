import { storedFile, uploadFileQuery } from '@oselia/contracts';
import { z } from 'zod';
import { type AppRoutes, actorOf } from '../../http/route-types.ts';
import { acceptRawUploads, refuseOversize, sendFile, uploadedBytes } from './files.http.ts';

export const filesRoutes: AppRoutes = async (app, { services }) => {
  const { maxBytes } = services.files;
  acceptRawUploads(app, maxBytes);

  app.post(
    '/files',
    {
      bodyLimit: maxBytes,
      onRequest: refuseOversize(maxBytes),
      schema: {
        tags: ['files'],
        summary:
          'Upload a PDF, JPEG or PNG as the request body (type checked by content; 413 past the size limit, 415 for other types)',
        querystring: uploadFileQuery,
        response: { 201: storedFile },
      },
      config: { access: 'files.upload' },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await services.files.uploadStaffFile(actorOf(req), uploadedBytes(req.body), req.query.name)),
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: 'Download a file (only for those the owning record lets read it; 404 otherwise)',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.any() },
      },
      config: { access: 'files.read' },
    },
    async (req, reply) =>
      sendFile(reply, services.files, await services.files.fileForStaff(actorOf(req), req.params.id)),
  );
};
