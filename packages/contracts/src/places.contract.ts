import { z } from 'zod';
import { pageOf } from './common.contract.ts';

/** OCHA P-code: UA + 2 (oblast), 4 (raion), 7 (hromada) or 10 (settlement) digits. */
export const pcode = z
  .string()
  .regex(/^UA\d{2}(\d{2}(\d{3}(\d{3})?)?)?$/, 'must be an OCHA P-code such as UA05 or UA0502003');

export const placeLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type PlaceLevel = z.infer<typeof placeLevel>;

export const place = z.object({
  pcode,
  level: placeLevel,
  parentPcode: pcode.nullable(),
  nameEn: z.string(),
  nameUk: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  childCount: z.number().int(),
});
export type Place = z.infer<typeof place>;

export const placesQuery = z.object({
  level: z.coerce.number().int().min(1).max(4).optional(),
  parent: pcode.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PlacesQuery = z.infer<typeof placesQuery>;

export const placesPage = pageOf(place);
export type PlacesPage = z.infer<typeof placesPage>;

export const placeDetail = place.extend({
  ancestors: z.array(place.pick({ pcode: true, level: true, nameEn: true, nameUk: true })),
});
export type PlaceDetail = z.infer<typeof placeDetail>;
