import { createHash } from 'node:crypto';
import path from 'node:path';
import type { StoredFile, StoredMediaType } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, can } from '../access/access.policy.ts';
import { createFilesRepository, type FileRow } from './files.repository.ts';
import { describeBytes, detectMediaType, sanitiseFileName } from './files.rules.ts';
import { createFileStorage } from './files.storage.ts';

/** Kind of a staff upload not (yet) attached to a record: its organisation's staff may read it. */
export const STAFF_UPLOAD = 'staff_upload';

/** May this signed-in user read files owned by this record? Each owning module says. */
export type OwnerAccess = (actor: Actor, ownerId: string | null, file: FileRow) => Promise<boolean>;

export interface NewFile {
  tenantId: string;
  bytes: Uint8Array;
  name: string;
  ownerKind: string;
  ownerId: string | null;
  createdBy: string | null;
  organisationId: string | null;
  /** Narrower than PDF, JPEG and PNG when the place it goes to says so. */
  accept?: readonly StoredMediaType[];
}

const LABEL: Record<StoredMediaType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

export function toStoredFile(r: FileRow): StoredFile {
  return {
    id: r.id,
    fileName: r.original_name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    ownerKind: r.owner_kind,
    createdAt: iso(r.created_at),
  };
}

/**
 * Uploaded files: checked by content (PDF, JPEG, PNG), limited in size, stored on disk outside the
 * web root; who may read one depends on what owns it.
 */
export function createFilesService(db: Database, deps: { dataDir: string; maxBytes: number }) {
  const repo = createFilesRepository(db);
  const storage = createFileStorage(path.join(deps.dataDir, 'files'));
  // Several modules may grant reading one kind of file (e.g. grant staff and assigned reviewers).
  const ownerAccess = new Map<string, OwnerAccess[]>([
    [
      STAFF_UPLOAD,
      [
        async (actor, _ownerId, file) =>
          actor.roles.includes('admin') || file.uploaded_by_org === actor.organisationId,
      ],
    ],
  ]);

  /** The size and type checks, before anything is written; an error says what is accepted. */
  function checkUpload(bytes: Uint8Array, accept: readonly StoredMediaType[]): StoredMediaType {
    if (bytes.length === 0) throw new AppError('BAD_REQUEST', 'the file is empty');
    if (bytes.length > deps.maxBytes) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `the file is ${describeBytes(bytes.length)}; files may be at most ${describeBytes(deps.maxBytes)}`,
        { maxBytes: deps.maxBytes },
      );
    }
    const type = detectMediaType(bytes);
    if (!type || !accept.includes(type)) {
      const names = accept.map((t) => LABEL[t]).join(', ');
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `only ${names} files are accepted; this file is not one (its content was checked, not its name)`,
        { accepted: accept },
      );
    }
    return type;
  }

  return {
    maxBytes: deps.maxBytes,

    /** Modules that own files say who may read them; any one saying yes is enough. */
    registerOwnerAccess(kind: string, access: OwnerAccess) {
      ownerAccess.set(kind, [...(ownerAccess.get(kind) ?? []), access]);
    },

    async storeFile(input: NewFile) {
      const type = checkUpload(input.bytes, input.accept ?? ['application/pdf', 'image/jpeg', 'image/png']);
      const id = uuidv7();
      await storage.write(input.tenantId, id, input.bytes);
      try {
        return await repo.insertFile({
          tenant_id: input.tenantId,
          id,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          size_bytes: input.bytes.length,
          media_type: type,
          original_name: sanitiseFileName(input.name, type),
          owner_kind: input.ownerKind,
          owner_id: input.ownerId,
          uploaded_by_org: input.organisationId,
          created_by: input.createdBy,
        });
      } catch (error) {
        await storage.remove(input.tenantId, id);
        throw error;
      }
    },

    /** A staff member's upload, to attach to a record later (a monitoring photo, a scanned form). */
    async uploadStaffFile(actor: Actor, bytes: Uint8Array, name: string) {
      const row = await this.storeFile({
        tenantId: actor.tenantId,
        bytes,
        name,
        ownerKind: STAFF_UPLOAD,
        ownerId: null,
        createdBy: actor.userId,
        organisationId: actor.organisationId,
      });
      return toStoredFile(row);
    },

    async findFile(tenantId: string, id: string) {
      return (await repo.findFile(tenantId, id)) ?? null;
    },

    listOwned(tenantId: string, ownerKind: string, ownerId: string) {
      return repo.listOwned(tenantId, ownerKind, ownerId);
    },

    /** The bytes of a file, for a caller that has already decided the reader may have them. */
    openContent(file: FileRow) {
      return storage.read(file.tenant_id, file.id);
    },

    /** A file for a signed-in user: the module that owns it decides; unknown owners are refused. */
    async fileForStaff(actor: Actor, id: string) {
      const file = await repo.findFile(actor.tenantId, id);
      if (!file) throw notFound('file');
      let allowed = false;
      if (can(actor, 'files.read')) {
        for (const access of ownerAccess.get(file.owner_kind) ?? []) {
          if (await access(actor, file.owner_id, file)) {
            allowed = true;
            break;
          }
        }
      }
      // The same answer as a missing file: whether a file exists is itself not everyone's to know.
      if (!allowed) throw notFound('file');
      return file;
    },

    async deleteFile(tenantId: string, id: string) {
      await repo.markDeleted(tenantId, id);
      await storage.remove(tenantId, id);
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
