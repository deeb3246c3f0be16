import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TenantsTable } from '../../db/schema.ts';

export function createTenantsRepository(db: Database) {
  return {
    async findTenantBySlug(slug: string) {
      return db
        .selectFrom('tenants')
        .select(['id', 'slug', 'name_en', 'name_uk'])
        .where('slug', '=', slug)
        .executeTakeFirst();
    },
    async insertTenant(row: Insertable<TenantsTable>) {
      await db
        .insertInto('tenants')
        .values(row)
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    },
  };
}
