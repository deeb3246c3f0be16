import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TrainingCertificatesTable } from '../../db/schema.ts';

const COLUMNS = [
  'id',
  'event_id',
  'application_id',
  'code',
  'holder_name',
  'minutes',
  'issued_at',
  'revoked_at',
  'revoke_reason',
] as const;

/** Certificates of completion and their verification codes. */
export function createCertificatesRepository(db: Database) {
  return {
    insertCertificate(row: Insertable<TrainingCertificatesTable>) {
      return db.insertInto('training_certificates').values(row).returning(COLUMNS).executeTakeFirstOrThrow();
    },

    async byApplication(tenantId: string, eventId: string) {
      const rows = await db
        .selectFrom('training_certificates')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .execute();
      return new Map(rows.map((r) => [r.application_id, r]));
    },

    findCertificate(tenantId: string, id: string) {
      return db
        .selectFrom('training_certificates')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findByCode(tenantId: string, code: string) {
      return db
        .selectFrom('training_certificates')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('code', '=', code)
        .executeTakeFirst();
    },

    revoke(tenantId: string, id: string, reason: string, userId: string | null) {
      return db
        .updateTable('training_certificates')
        .set({ revoked_at: sql`now()`, revoked_by: userId, revoke_reason: reason })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returning(COLUMNS)
        .executeTakeFirst();
    },
  };
}
