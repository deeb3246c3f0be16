import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantScreeningsTable } from '../../db/schema.ts';

const COLUMNS = [
  'tenant_id',
  'id',
  'version',
  'application_id',
  'automatic_result',
  'rule_results',
  'prior_assistance',
  'duplicates',
  'screened_at',
  'screened_by',
  'override_result',
  'override_reason',
  'overridden_by',
  'overridden_at',
] as const;

export function createScreeningRepository(db: Database) {
  return {
    findScreening(tenantId: string, applicationId: string) {
      return db
        .selectFrom('grant_screenings')
        .select(COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
    },

    /** A new automatic screening replaces the last; an override made before is kept. */
    upsertScreening(row: Insertable<GrantScreeningsTable>) {
      return db
        .insertInto('grant_screenings')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'application_id']).doUpdateSet((eb) => ({
            automatic_result: eb.ref('excluded.automatic_result'),
            rule_results: eb.ref('excluded.rule_results'),
            prior_assistance: eb.ref('excluded.prior_assistance'),
            duplicates: eb.ref('excluded.duplicates'),
            screened_at: eb.ref('excluded.screened_at'),
            screened_by: eb.ref('excluded.screened_by'),
            version: sql`grant_screenings.version + 1`,
          })),
        )
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
    },

    updateScreening(tenantId: string, id: string, version: number, patch: Updateable<GrantScreeningsTable>) {
      return db
        .updateTable('grant_screenings')
        .set({ ...patch, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(COLUMNS)
        .executeTakeFirst();
    },
  };
}

export type ScreeningRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createScreeningRepository>['findScreening']>>
>;
