import { z } from 'zod';
import { pageOf } from './common.contract.ts';

export const jobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type JobStatus = z.infer<typeof jobStatus>;

export const job = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: jobStatus,
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  message: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Job = z.infer<typeof job>;

export const jobsQuery = z.object({
  status: jobStatus.optional(),
  kind: z.string().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const jobsPage = pageOf(job);
export type JobsPage = z.infer<typeof jobsPage>;
