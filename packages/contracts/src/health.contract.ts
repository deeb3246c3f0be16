import { z } from 'zod';

export const healthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    migration: z.string().nullable(),
    migrationsApplied: z.number().int(),
  }),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof healthResponse>;
