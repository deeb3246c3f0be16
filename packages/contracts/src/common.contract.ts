import { z } from 'zod';

/** The one error shape every endpoint answers with. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const uuid = z.uuid();

/** Opaque cursor pagination: `next` is null on the last page. */
export const pageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable() });

export const locale = z.enum(['uk', 'en']);
export type Locale = z.infer<typeof locale>;
