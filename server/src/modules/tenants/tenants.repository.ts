import type { Insertable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { OrganisationsTable, TenantsTable } from '../../db/schema.ts';

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
    async findOrganisationByName(tenantId: string, nameEn: string) {
      return db
        .selectFrom('organisations')
        .select(['id', 'type', 'name_en', 'name_uk'])
        .where('tenant_id', '=', tenantId)
        .where((eb) => eb(eb.fn('lower', ['name_en']), '=', nameEn.toLowerCase()))
        .executeTakeFirst();
    },
    async insertOrganisation(row: Insertable<OrganisationsTable>) {
      await db.insertInto('organisations').values(row).execute();
    },
  };
}
