import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FormDefinitionsTable } from '../../db/schema.ts';

const columns = [
  'f.tenant_id',
  'f.id',
  'f.version',
  'f.title_uk',
  'f.title_en',
  'f.definition',
  'f.source',
  'f.source_name',
  'f.created_at',
  'f.created_by',
] as const;

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Form definitions: immutable versions, the latest of each form listed. */
export function createFormsRepository(db: Database) {
  return {
    insertVersion(row: Insertable<FormDefinitionsTable>) {
      return db.insertInto('form_definitions').values(row).executeTakeFirstOrThrow();
    },

    /** One version, or the latest when `version` is not given. */
    findVersion(tenantId: string, id: string, version?: number) {
      let q = db
        .selectFrom('form_definitions as f')
        .select([...columns])
        .where('f.tenant_id', '=', tenantId)
        .where('f.id', '=', id);
      q =
        version === undefined ? q.orderBy('f.version', 'desc').limit(1) : q.where('f.version', '=', version);
      return q.executeTakeFirst();
    },

    async listVersions(tenantId: string, id: string): Promise<number[]> {
      const rows = await db
        .selectFrom('form_definitions')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => r.version);
    },

    /** The latest version of each form, newest form first (ids are time-ordered), after `afterId`. */
    listLatest(tenantId: string, f: { q?: string | undefined; afterId?: string | undefined; limit: number }) {
      let q = db
        .selectFrom('form_definitions as f')
        .select([...columns])
        .where('f.tenant_id', '=', tenantId)
        .where((eb) =>
          eb(
            'f.version',
            '=',
            eb
              .selectFrom('form_definitions as g')
              .select((g) => g.fn.max('g.version').as('latest'))
              .whereRef('g.tenant_id', '=', 'f.tenant_id')
              .whereRef('g.id', '=', 'f.id'),
          ),
        )
        .orderBy('f.id', 'desc')
        .limit(f.limit + 1);
      if (f.q) {
        const pattern = likePattern(f.q);
        q = q.where((eb) => eb.or([eb('f.title_uk', 'ilike', pattern), eb('f.title_en', 'ilike', pattern)]));
      }
      if (f.afterId) q = q.where('f.id', '<', f.afterId);
      return q.execute();
    },
  };
}

export type FormsRepository = ReturnType<typeof createFormsRepository>;
