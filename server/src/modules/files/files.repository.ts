import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FilesTable } from '../../db/schema.ts';

const COLUMNS = [
  'tenant_id',
  'id',
  'sha256',
  'size_bytes',
  'media_type',
  'original_name',
  'owner_kind',
  'owner_id',
  'uploaded_by_org',
  'created_at',
  'created_by',
  'deleted_at',
] as const;

export function createFilesRepository(db: Database) {
  return {
    insertFile(row: Insertable<FilesTable>) {
      return db.insertInto('files').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    findFile(tenantId: string, id: string) {
      return db
        .selectFrom('files')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
    },

    listOwned(tenantId: string, ownerKind: string, ownerId: string) {
      return db
        .selectFrom('files')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('owner_kind', '=', ownerKind)
        .where('owner_id', '=', ownerId)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    async markDeleted(tenantId: string, id: string) {
      await db
        .updateTable('files')
        .set({ deleted_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },
  };
}

export type FileRow = Awaited<ReturnType<ReturnType<typeof createFilesRepository>['insertFile']>>;
