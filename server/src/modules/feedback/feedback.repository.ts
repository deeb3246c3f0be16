import type { FeedbackCategory, FeedbackStatus } from '@oselia/contracts';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FeedbackItemsTable, FeedbackResponsesTable } from '../../db/schema.ts';

export type FeedbackRow = Selectable<FeedbackItemsTable>;
export type FeedbackResponseRow = Selectable<FeedbackResponsesTable>;

const ITEM_COLUMNS = [
  'tenant_id',
  'id',
  'reference_code',
  'secret_hash',
  'category',
  'channel',
  'status',
  'text',
  'anonymous',
  'contact_enc',
  'place_pcode',
  'programme',
  'language',
  'escalation_level',
  'escalation_reason',
  'due_at',
  'assignee_id',
  'resolution',
  'closed_at',
  'created_at',
  'created_by',
  'updated_at',
  'version',
] as const;

export interface QueueFilter {
  category?: FeedbackCategory;
  status?: FeedbackStatus;
  overdue?: boolean;
  escalated?: boolean;
  /** A user id, or null for unassigned. */
  assignee?: string | null;
  /** A reference code in its stored form (FB-XXXX-XXXX). */
  reference?: string;
  /** Leave sensitive items out entirely (staff without the designation). */
  withoutSensitive: boolean;
  limit: number;
  offset: number;
}

export function createFeedbackRepository(db: Database) {
  return {
    async insert(row: Insertable<FeedbackItemsTable>, trx: Database = db) {
      await trx.insertInto('feedback_items').values(row).execute();
    },

    findById(tenantId: string, id: string, trx: Database = db) {
      return trx
        .selectFrom('feedback_items')
        .select(ITEM_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Whether an item with exactly this text exists (how the demo seed knows it ran). */
    async hasText(tenantId: string, text: string) {
      const row = await db
        .selectFrom('feedback_items')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('text', '=', text)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    findByReference(tenantId: string, code: string) {
      return db
        .selectFrom('feedback_items')
        .select(ITEM_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('reference_code', '=', code)
        .executeTakeFirst();
    },

    async list(tenantId: string, f: QueueFilter, now: Date) {
      let q = db.selectFrom('feedback_items').where('tenant_id', '=', tenantId);
      if (f.withoutSensitive) q = q.where('category', '<>', 'sensitive');
      if (f.category) q = q.where('category', '=', f.category);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.overdue === true) q = q.where('status', '<>', 'closed').where('due_at', '<', now);
      if (f.overdue === false)
        q = q.where((eb) => eb.or([eb('status', '=', 'closed'), eb('due_at', '>=', now)]));
      if (f.escalated === true) q = q.where('escalation_level', '>', 0);
      if (f.escalated === false) q = q.where('escalation_level', '=', 0);
      if (f.assignee === null) q = q.where('assignee_id', 'is', null);
      else if (f.assignee) q = q.where('assignee_id', '=', f.assignee);
      if (f.reference) q = q.where('reference_code', '=', f.reference);
      const [items, count] = await Promise.all([
        q
          .select(ITEM_COLUMNS)
          .orderBy('escalation_level', 'desc')
          .orderBy('due_at', 'asc')
          .orderBy('id', 'asc')
          .limit(f.limit)
          .offset(f.offset)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Optimistic update: undefined when the version is stale or the item is gone. */
    updateVersioned(
      tenantId: string,
      id: string,
      version: number,
      set: Partial<
        Pick<
          FeedbackRow,
          'status' | 'assignee_id' | 'escalation_level' | 'escalation_reason' | 'resolution' | 'closed_at'
        >
      >,
      trx: Database,
    ) {
      return trx
        .updateTable('feedback_items')
        .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(ITEM_COLUMNS)
        .executeTakeFirst();
    },

    async insertResponse(row: Insertable<FeedbackResponsesTable>, trx: Database) {
      await trx.insertInto('feedback_responses').values(row).execute();
    },

    responses(tenantId: string, itemId: string, onlyPublic: boolean) {
      let q = db
        .selectFrom('feedback_responses')
        .select(['id', 'visibility', 'text', 'created_at', 'created_by'])
        .where('tenant_id', '=', tenantId)
        .where('item_id', '=', itemId);
      if (onlyPublic) q = q.where('visibility', '=', 'public');
      return q.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
    },

    /** Everything the statistics need, without text or contact. */
    statsRows(tenantId: string) {
      return db
        .selectFrom('feedback_items')
        .select(['category', 'status', 'due_at', 'created_at', 'closed_at'])
        .where('tenant_id', '=', tenantId)
        .execute();
    },

    async isHandler(tenantId: string, userId: string, trx: Database = db) {
      const row = await trx
        .selectFrom('feedback_sensitive_handlers')
        .select('user_id')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    handlers(tenantId: string) {
      return db
        .selectFrom('feedback_sensitive_handlers')
        .select(['user_id', 'granted_at'])
        .where('tenant_id', '=', tenantId)
        .orderBy('granted_at', 'asc')
        .execute();
    },

    async grantHandler(tenantId: string, userId: string, by: string | null, trx: Database) {
      await trx
        .insertInto('feedback_sensitive_handlers')
        .values({ tenant_id: tenantId, user_id: userId, granted_by: by })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
        .execute();
    },

    async revokeHandler(tenantId: string, userId: string, trx: Database) {
      const res = await trx
        .deleteFrom('feedback_sensitive_handlers')
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(res.numDeletedRows) > 0;
    },
  };
}
