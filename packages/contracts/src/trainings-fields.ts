import { z } from 'zod';

/**
 * Field schemas the trainings contracts share. Kept out of the package index so that the
 * package's exported names stay the contracts' own.
 */

export const isoDate = z.iso.date();
export const bilingual = z
  .object({ uk: z.string().trim().max(300), en: z.string().trim().max(300) })
  .refine((t) => t.uk !== '' || t.en !== '', { message: 'give the text in Ukrainian, English or both' });
export const bilingualLong = z.object({ uk: z.string().trim().max(4000), en: z.string().trim().max(4000) });
