import type { Database } from '../../db/database.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { createTenantsRepository } from './tenants.repository.ts';

export const DEFAULT_TENANT = { slug: 'mission', nameEn: 'Oselia mission', nameUk: 'Місія Оселя' };

export function createTenantsService(db: Database) {
  const repo = createTenantsRepository(db);
  return {
    /** The mission this installation serves; created on first start. */
    async ensureTenant(t = DEFAULT_TENANT): Promise<string> {
      const found = await repo.findTenantBySlug(t.slug);
      if (found) return found.id;
      await repo.insertTenant({ id: uuidv7(), slug: t.slug, name_en: t.nameEn, name_uk: t.nameUk });
      return (await repo.findTenantBySlug(t.slug))!.id;
    },
  };
}

export type TenantsService = ReturnType<typeof createTenantsService>;
