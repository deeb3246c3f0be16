import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TrainingApplicationStatus, TrainingApplicationsTable } from '../../db/schema.ts';

export const APPLICATION_COLUMNS = [
  'tenant_id',
  'id',
  'version',
  'event_id',
  'person_id',
  'reference_code',
  'status',
  'basis',
  'language',
  'sex',
  'age_band',
  'age',
  'population_group',
  'place_pcode',
  'answers_encrypted',
  'contact_encrypted',
  'submitted_at',
  'decided_at',
  'declined_reason',
  'ledger_participation_id',
  'ledger_completion_id',
  'reporter_token_hash',
  'reporter_token_encrypted',
  'created_at',
  'updated_at',
  'updated_by',
] as const;

/** Applications to trainings, and the participants they become. */
export function createEnrolmentRepository(db: Database) {
  return {
    insertApplication(row: Insertable<TrainingApplicationsTable>) {
      return db
        .insertInto('training_applications')
        .values(row)
        .returning(APPLICATION_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    findApplication(tenantId: string, id: string) {
      return db
        .selectFrom('training_applications')
        .select(APPLICATION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findByPerson(tenantId: string, eventId: string, personId: string) {
      return db
        .selectFrom('training_applications')
        .select(['id', 'status'])
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
    },

    /** Every application to an event, in the order they came (the rank of selection). */
    listApplications(tenantId: string, eventId: string) {
      return db
        .selectFrom('training_applications')
        .select(APPLICATION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .orderBy('submitted_at')
        .orderBy('id')
        .execute();
    },

    /** Participants: the selected applicants of these events. */
    listParticipants(tenantId: string, eventIds: string[]) {
      if (eventIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('training_applications')
        .select(APPLICATION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('event_id', 'in', eventIds)
        .where('status', '=', 'selected')
        .orderBy('submitted_at')
        .orderBy('id')
        .execute();
    },

    /** Sets an outcome; only if the application is still at the version read. */
    setPlacement(
      tenantId: string,
      id: string,
      version: number,
      to: { status: TrainingApplicationStatus; basis: unknown; declinedReason?: string | null },
      userId: string | null,
    ) {
      return db
        .updateTable('training_applications')
        .set({
          status: to.status,
          basis: to.basis === null ? null : JSON.stringify(to.basis),
          ...(to.declinedReason !== undefined ? { declined_reason: to.declinedReason } : {}),
          decided_at: sql`now()`,
          updated_at: sql`now()`,
          updated_by: userId,
          version: sql`version + 1`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(APPLICATION_COLUMNS)
        .executeTakeFirst();
    },

    setLedgerIds(
      tenantId: string,
      id: string,
      ids: { ledger_participation_id?: string; ledger_completion_id?: string },
    ) {
      return db
        .updateTable('training_applications')
        .set(ids)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    setReporterToken(tenantId: string, id: string, hash: string, encrypted: string) {
      return db
        .updateTable('training_applications')
        .set({ reporter_token_hash: hash, reporter_token_encrypted: encrypted })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('reporter_token_hash', 'is', null)
        .execute();
    },

    findByReporterHash(tenantId: string, hash: string) {
      return db
        .selectFrom('training_applications')
        .select(APPLICATION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('reporter_token_hash', '=', hash)
        .executeTakeFirst();
    },
  };
}
