import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantCommitteeSessionsTable, GrantDecisionsTable } from '../../db/schema.ts';

const SESSION_COLUMNS = [
  'tenant_id',
  'id',
  'version',
  'call_id',
  'held_on',
  'minutes',
  'attendees',
  'status',
  'closed_at',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

const DECISION_COLUMNS = [
  'd.tenant_id',
  'd.id',
  'd.version',
  'd.session_id',
  'd.call_id',
  'd.application_id',
  'd.outcome',
  'd.amount_minor',
  'd.currency',
  'd.reason',
  'd.status',
  'd.proposed_by',
  'd.proposed_at',
  'd.approved_by',
  'd.approved_at',
  'd.notification_id',
  'd.updated_at',
] as const;

/** Committee sessions with their minutes, and the decisions taken in them. */
export function createCommitteeRepository(db: Database) {
  const decisions = (tenantId: string) =>
    db
      .selectFrom('grant_decisions as d')
      .innerJoin('grant_applications as a', (j) =>
        j.onRef('a.tenant_id', '=', 'd.tenant_id').onRef('a.id', '=', 'd.application_id'),
      )
      .select([...DECISION_COLUMNS, 'a.reference_code'])
      .where('d.tenant_id', '=', tenantId);

  return {
    insertSession(row: Insertable<GrantCommitteeSessionsTable>) {
      return db
        .insertInto('grant_committee_sessions')
        .values(row)
        .returning(SESSION_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    findSession(tenantId: string, id: string) {
      return db
        .selectFrom('grant_committee_sessions')
        .select(SESSION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    listSessions(tenantId: string, callId: string) {
      return db
        .selectFrom('grant_committee_sessions')
        .select(SESSION_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .orderBy('held_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    updateSession(
      tenantId: string,
      id: string,
      version: number,
      patch: Updateable<GrantCommitteeSessionsTable>,
    ) {
      return db
        .updateTable('grant_committee_sessions')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(SESSION_COLUMNS)
        .executeTakeFirst();
    },

    insertDecision(row: Insertable<GrantDecisionsTable>) {
      return db.insertInto('grant_decisions').values(row).execute();
    },

    findDecision(tenantId: string, id: string) {
      return decisions(tenantId).where('d.id', '=', id).executeTakeFirst();
    },

    listDecisionsOfSession(tenantId: string, sessionId: string) {
      return decisions(tenantId)
        .where('d.session_id', '=', sessionId)
        .orderBy('d.proposed_at')
        .orderBy('d.id')
        .execute();
    },

    /** The decision that stands for an application (approved, not superseded), if any. */
    findStanding(tenantId: string, applicationId: string) {
      return decisions(tenantId)
        .where('d.application_id', '=', applicationId)
        .where('d.status', '=', 'approved')
        .executeTakeFirst();
    },

    updateDecision(tenantId: string, id: string, version: number, patch: Updateable<GrantDecisionsTable>) {
      return db
        .updateTable('grant_decisions')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id'])
        .executeTakeFirst();
    },

    /** Money promised by a call: the amounts of its standing approvals. */
    async committedMinor(tenantId: string, callId: string) {
      const r = await db
        .selectFrom('grant_decisions')
        .select(sql<string>`coalesce(sum(amount_minor), 0)::text`.as('total'))
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .where('status', '=', 'approved')
        .where('outcome', '=', 'approve')
        .executeTakeFirstOrThrow();
      return Number(r.total);
    },
  };
}

export type SessionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createCommitteeRepository>['findSession']>>
>;
export type DecisionRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createCommitteeRepository>['findDecision']>>
>;
