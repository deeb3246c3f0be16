import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AdminUnitRow } from '../../db/schema.ts';

export type AdminUnitWithChildren = AdminUnitRow & { child_count: number };

export interface ListPlacesFilter {
  level?: number;
  parent?: string;
  /** Lower-cased search text. */
  q?: string;
  after?: { rank: number; pcode: string };
  limit: number;
}

const columns = ['a.pcode', 'a.level', 'a.parent_pcode', 'a.name_en', 'a.name_uk', 'a.lat', 'a.lon'] as const;

export function createPlacesRepository(db: Database) {
  const childCount = sql<number>`(select count(*) from admin_units c where c.parent_pcode = a.pcode)`.as(
    'child_count',
  );

  return {
    async listPlaces(f: ListPlacesFilter): Promise<(AdminUnitWithChildren & { rank: number })[]> {
      // Rank: exact P-code or name first, then prefix matches, then anything containing the text.
      const rank = f.q
        ? sql<number>`case
            when lower(a.pcode) = ${f.q} or lower(a.name_en) = ${f.q} or lower(a.name_uk) = ${f.q} then 0
            when lower(a.pcode) like ${`${f.q}%`} or lower(a.name_en) like ${`${f.q}%`} or lower(a.name_uk) like ${`${f.q}%`} then 1
            else 2 end + a.level * 10`
        : sql<number>`0`;
      let query = db
        .selectFrom('admin_units as a')
        .select([...columns, childCount, rank.as('rank')])
        .orderBy('rank')
        .orderBy('a.pcode')
        .limit(f.limit + 1);
      if (f.level) query = query.where('a.level', '=', f.level);
      if (f.parent) query = query.where('a.parent_pcode', '=', f.parent);
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb(sql`lower(a.name_en || ' ' || a.name_uk)`, 'like', like),
            eb(sql`lower(a.pcode)`, 'like', like),
          ]),
        );
      }
      if (f.after) {
        const { rank: r, pcode } = f.after;
        query = query.where((eb) =>
          eb.or([eb(rank, '>', r), eb.and([eb(rank, '=', r), eb('a.pcode', '>', pcode)])]),
        );
      }
      return query.execute();
    },

    async findPlace(pcode: string): Promise<AdminUnitWithChildren | undefined> {
      return db
        .selectFrom('admin_units as a')
        .select([...columns, childCount])
        .where('a.pcode', '=', pcode)
        .executeTakeFirst();
    },

    async findPlaces(pcodes: string[]): Promise<AdminUnitRow[]> {
      if (pcodes.length === 0) return [];
      return db.selectFrom('admin_units as a').select(columns).where('a.pcode', 'in', pcodes).execute();
    },

    async countPlaces(): Promise<number> {
      const row = await db
        .selectFrom('admin_units')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Inserts or updates one batch; parents must already exist or be in the same batch. */
    async upsertPlaces(rows: AdminUnitRow[]): Promise<void> {
      if (rows.length === 0) return;
      await db
        .insertInto('admin_units')
        .values(rows)
        .onConflict((oc) =>
          oc.column('pcode').doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            parent_pcode: eb.ref('excluded.parent_pcode'),
            name_en: eb.ref('excluded.name_en'),
            name_uk: eb.ref('excluded.name_uk'),
            lat: eb.ref('excluded.lat'),
            lon: eb.ref('excluded.lon'),
          })),
        )
        .execute();
    },
  };
}

export type PlacesRepository = ReturnType<typeof createPlacesRepository>;
