import { type Actor, actorWithoutUser } from '../access/access.policy.ts';
import type { AudienceCount } from './portal.figures.ts';

/** One page of awareness sessions as the trainings module lists them (only what the figures need). */
interface SessionsPage {
  items: {
    placePcode: string;
    audience: Omit<AudienceCount, 'placePcode' | 'total'>;
    total: number;
  }[];
  next: string | null;
}

/**
 * Every awareness session's audience counts, read through the trainings service as a monitoring
 * reader would (aggregate counts only; nothing about facilitators is kept).
 */
export async function collectAudiences(
  listSessions: (actor: Actor, q: { limit: number; cursor?: string }) => Promise<SessionsPage>,
  tenantId: string,
): Promise<AudienceCount[]> {
  const reader: Actor = actorWithoutUser({ tenantId, roles: ['me_officer'], label: 'public figures' });
  const out: AudienceCount[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSessions(reader, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const s of page.items) out.push({ placePcode: s.placePcode, ...s.audience, total: s.total });
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}
