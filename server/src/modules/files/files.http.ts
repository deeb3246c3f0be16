import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { FileRow } from './files.repository.ts';
import { describeBytes } from './files.rules.ts';
import type { FilesService } from './files.service.ts';

/**
 * Uploads arrive as the raw file in the request body, whatever type they declare (the content is
 * checked, not the header). Registered per route plugin; JSON routes keep their JSON parser.
 */
export function acceptRawUploads(app: FastifyInstance, maxBytes: number) {
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: maxBytes }, (_req, body, done) =>
    done(null, body),
  );
}

/** Refuses an upload that says it is too large before reading it, with the limit in the message. */
export function refuseOversize(maxBytes: number) {
  return async (req: { headers: Record<string, string | string[] | undefined> }) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `the file is ${describeBytes(declared)}; files may be at most ${describeBytes(maxBytes)}`,
        { maxBytes },
      );
    }
  };
}

export function uploadedBytes(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'send the file itself as the request body (PDF, JPEG or PNG)',
    );
  }
  return body;
}

/**
 * Sends a stored file as a download: never rendered inline by the browser, never sniffed, never
 * cached by a shared cache, sandboxed if opened anyway.
 */
export function sendFile(reply: FastifyReply, files: FilesService, file: FileRow) {
  const ascii = file.original_name.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', file.media_type)
    .header('content-length', String(file.size_bytes))
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.original_name)}`,
    )
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .send(files.openContent(file));
}
