import fs from 'node:fs/promises';
import path from 'node:path';
import type { Place, PlaceDetail, PlacesPage, PlacesQuery } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { parseAdminUnitsCsv } from './places.csv.ts';
import { toPlace } from './places.mapper.ts';
import { createPlacesRepository } from './places.repository.ts';

export const ADMIN_UNITS_FILE = 'ukraine-admin-units.csv';
export const OBLASTS_GEOJSON_FILE = 'ukraine-oblasts.geojson';

export function createPlacesService(db: Database, assetsDir: string) {
  const repo = createPlacesRepository(db);
  return {
    async listPlaces(query: PlacesQuery): Promise<PlacesPage> {
      const after = decodeCursor(query.cursor, 2);
      const rows = await repo.listPlaces({
        ...(query.level ? { level: query.level } : {}),
        ...(query.parent ? { parent: query.parent } : {}),
        ...(query.q ? { q: query.q.toLowerCase() } : {}),
        ...(after ? { after: { rank: Number(after[0]), pcode: String(after[1]) } } : {}),
        limit: query.limit,
      });
      const page = pageFrom(rows, query.limit, (r) => [Number(r.rank), r.pcode]);
      return { items: page.items.map(toPlace), next: page.next };
    },

    async getPlace(pcode: string): Promise<PlaceDetail> {
      const row = await repo.findPlace(pcode);
      if (!row) throw notFound(`place ${pcode}`);
      // P-codes nest by prefix: UA0502003 lies in UA0502, which lies in UA05.
      const ancestorCodes = [4, 6, 9].filter((n) => n < pcode.length).map((n) => pcode.slice(0, n));
      const ancestors = (await repo.findPlaces(ancestorCodes)).sort((a, b) => a.level - b.level);
      return {
        ...toPlace(row),
        ancestors: ancestors.map((a) => ({
          pcode: a.pcode,
          level: a.level as Place['level'],
          nameEn: a.name_en,
          nameUk: a.name_uk,
        })),
      };
    },

    /** Is this a known P-code? Other modules validate places through this. */
    async isKnownPlace(pcode: string): Promise<boolean> {
      return (await repo.findPlaces([pcode])).length === 1;
    },

    /** Which of these P-codes are known: one query for many (bulk imports check thousands). */
    async knownPlaces(pcodes: string[]): Promise<Set<string>> {
      const known = new Set<string>();
      for (let i = 0; i < pcodes.length; i += 5000)
        for (const r of await repo.findPlaces(pcodes.slice(i, i + 5000))) known.add(r.pcode);
      return known;
    },

    async countPlaces() {
      return repo.countPlaces();
    },

    /** Loads (or refreshes) the admin units from a CSV file; the shipped one by default. */
    async importPlaces(
      file = path.join(assetsDir, ADMIN_UNITS_FILE),
      onProgress?: (done: number, total: number) => void,
    ) {
      const { rows, reattached } = parseAdminUnitsCsv(await fs.readFile(file, 'utf8'));
      const batch = 2000;
      // One transaction: a failed load leaves the previous places untouched.
      await db.transaction().execute(async (trx) => {
        const inTrx = createPlacesRepository(trx);
        for (let i = 0; i < rows.length; i += batch) {
          await inTrx.upsertPlaces(rows.slice(i, i + batch));
          onProgress?.(Math.min(i + batch, rows.length), rows.length);
        }
      });
      return { imported: rows.length, reattached };
    },

    oblastsGeoJsonPath: () => path.join(assetsDir, OBLASTS_GEOJSON_FILE),
  };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
