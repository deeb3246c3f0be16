import type { RequiredDocument, StoredMediaType } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { toDocument } from './grants.applications.mapper.ts';
import { type ApplicationRow, createApplicationsRepository } from './grants.applications.repository.ts';
import { fileQuestions } from './grants.applications.rules.ts';
import type { ApplicationsDeps } from './grants.applications.service.ts';
import { documentsOf } from './grants.calls.mapper.ts';
import type { CallRow } from './grants.calls.repository.ts';

/** Files of applications are owned by this kind in the files module. */
export const APPLICATION_FILE_OWNER = 'grant_application';

const PUBLIC = { userId: null, label: 'public applicant' } as const;
const MEDIA: Record<'pdf' | 'jpeg' | 'png', StoredMediaType> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

interface Guards {
  authenticate(tenantId: string, reference: string, secret: string): Promise<ApplicationRow>;
  requireDraft(row: ApplicationRow): void;
  callOf(row: Pick<ApplicationRow, 'tenant_id' | 'call_id'>): Promise<CallRow>;
  requireOpen(call: CallRow): void;
}

/** An applicant's documents: uploaded to a draft (checked by content and size), removed, read back. */
export function createDocumentsPart(db: Database, deps: ApplicationsDeps, guards: Guards) {
  const repo = createApplicationsRepository(db);
  const { authenticate, requireDraft, callOf, requireOpen } = guards;

  /** What may be uploaded under a kind: a required document or a file question of the form. */
  async function uploadRule(call: CallRow, kind: string) {
    const doc = documentsOf(call).find((d: RequiredDocument) => d.kind === kind);
    if (doc) return { maxFiles: doc.maxFiles, accept: undefined, maxBytes: deps.files.maxBytes };
    const question = fileQuestions(await deps.calls.formOf(call)).get(kind);
    if (question) {
      const f = question.file;
      return {
        maxFiles: f?.maxFiles ?? 1,
        accept: f?.accept.map((a) => MEDIA[a]),
        maxBytes: Math.min(f?.maxBytes ?? deps.files.maxBytes, deps.files.maxBytes),
      };
    }
    const known = documentsOf(call).map((d) => d.kind);
    throw new AppError('BAD_REQUEST', `this call asks no document "${kind}"`, { kinds: known });
  }

  return {
    async uploadDocument(
      tenantId: string,
      reference: string,
      secret: string,
      upload: { kind: string; name: string; bytes: Uint8Array },
    ) {
      const row = await authenticate(tenantId, reference, secret);
      requireDraft(row);
      const call = await callOf(row);
      requireOpen(call);
      const rule = await uploadRule(call, upload.kind);
      const present = (await repo.listDocuments(tenantId, row.id)).filter((d) => d.kind === upload.kind);
      if (present.length >= rule.maxFiles) {
        throw new AppError(
          'CONFLICT',
          `at most ${rule.maxFiles} file(s) of this kind: remove one before adding another`,
          { maxFiles: rule.maxFiles },
        );
      }
      if (upload.bytes.length > rule.maxBytes) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `this document may be at most ${Math.floor(rule.maxBytes / 1024)} KB`,
          {
            maxBytes: rule.maxBytes,
          },
        );
      }
      const file = await deps.files.storeFile({
        tenantId,
        bytes: upload.bytes,
        name: upload.name,
        ownerKind: APPLICATION_FILE_OWNER,
        ownerId: row.id,
        createdBy: null,
        organisationId: null,
        ...(rule.accept ? { accept: rule.accept } : {}),
      });
      const documentId = uuidv7();
      try {
        await db.transaction().execute(async (trx) => {
          await createApplicationsRepository(trx).insertDocument({
            tenant_id: tenantId,
            id: documentId,
            application_id: row.id,
            kind: upload.kind,
            file_id: file.id,
          });
          await deps.audit.recordAudit(
            {
              tenantId,
              actor: PUBLIC,
              action: 'grant_application.document_added',
              entityType: 'grant_application',
              entityId: row.id,
              meta: { documentId, kind: upload.kind, fileId: file.id, sizeBytes: Number(file.size_bytes) },
            },
            trx,
          );
        });
      } catch (error) {
        await deps.files.deleteFile(tenantId, file.id);
        throw error;
      }
      return toDocument({
        id: documentId,
        kind: upload.kind,
        file_id: file.id,
        created_at: file.created_at,
        original_name: file.original_name,
        media_type: file.media_type,
        size_bytes: file.size_bytes,
      });
    },

    async removeDocument(tenantId: string, reference: string, secret: string, documentId: string) {
      const row = await authenticate(tenantId, reference, secret);
      requireDraft(row);
      const doc = await repo.findDocument(tenantId, row.id, documentId);
      if (!doc) throw new AppError('NOT_FOUND', 'document not found');
      await db.transaction().execute(async (trx) => {
        await createApplicationsRepository(trx).deleteDocument(tenantId, documentId);
        await deps.audit.recordAudit(
          {
            tenantId,
            actor: PUBLIC,
            action: 'grant_application.document_removed',
            entityType: 'grant_application',
            entityId: row.id,
            meta: { documentId, kind: doc.kind, fileId: doc.file_id },
          },
          trx,
        );
      });
      await deps.files.deleteFile(tenantId, doc.file_id);
    },

    /** One of the applicant's own documents, to download again. */
    async ownDocumentFile(tenantId: string, reference: string, secret: string, documentId: string) {
      const row = await authenticate(tenantId, reference, secret);
      const doc = await repo.findDocument(tenantId, row.id, documentId);
      const file = doc ? await deps.files.findFile(tenantId, doc.file_id) : null;
      if (!file) throw new AppError('NOT_FOUND', 'document not found');
      return file;
    },
  };
}
