import type { Place } from '@oselia/contracts';
import type { AdminUnitWithChildren } from './places.repository.ts';

export function toPlace(row: AdminUnitWithChildren): Place {
  return {
    pcode: row.pcode,
    level: row.level as Place['level'],
    parentPcode: row.parent_pcode,
    nameEn: row.name_en,
    nameUk: row.name_uk,
    lat: row.lat,
    lon: row.lon,
    childCount: Number(row.child_count),
  };
}
