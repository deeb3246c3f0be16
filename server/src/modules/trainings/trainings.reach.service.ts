import type { EventReach, ProjectReach, ReachBreakdown } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { EventsService } from './trainings.events.service.ts';
import { type AudienceRow, createReachRepository, type TrainedRow } from './trainings.reach.repository.ts';

function breakdown(t: TrainedRow | undefined, a: AudienceRow | undefined): ReachBreakdown {
  const n = (x: number | undefined) => Number(x ?? 0);
  const trained = {
    total: n(t?.total),
    female: n(t?.female),
    male: n(t?.male),
    otherOrUnknown: n(t?.other_or_unknown),
    byAgeBand: {
      '0-17': n(t?.age_0_17),
      '18-59': n(t?.age_18_59),
      '60+': n(t?.age_60_plus),
      unknown: n(t?.age_unknown),
    },
  };
  const audiences = {
    sessions: n(a?.sessions),
    f_0_17: n(a?.f_0_17),
    f_18_59: n(a?.f_18_59),
    f_60_plus: n(a?.f_60_plus),
    m_0_17: n(a?.m_0_17),
    m_18_59: n(a?.m_18_59),
    m_60_plus: n(a?.m_60_plus),
    total: n(a?.total),
  };
  return { trained, audiences, reach: trained.total + audiences.total };
}

/** Cascade reach per training and per project: people trained plus the audiences alumni reached. */
export function createReachService(db: Database, events: EventsService) {
  const repo = createReachRepository(db);

  async function perEvent(tenantId: string, list: { id: string; title: unknown; project_code: string }[]) {
    const ids = list.map((e) => e.id);
    const [trained, audiences] = await Promise.all([
      repo.trained(tenantId, ids, 'event'),
      repo.audiences(tenantId, ids, 'event'),
    ]);
    return list.map(
      (e): EventReach => ({
        eventId: e.id,
        title: e.title as { uk: string; en: string },
        projectCode: e.project_code,
        alumniActive: Number(audiences.find((a) => a.key === e.id)?.alumni ?? 0),
        ...breakdown(
          trained.find((t) => t.key === e.id),
          audiences.find((a) => a.key === e.id),
        ),
      }),
    );
  }

  return {
    async eventReach(actor: Actor, eventId: string): Promise<EventReach> {
      assertCan(actor, 'trainings.reach.read');
      const e = await events.loadRow(actor.tenantId, eventId);
      return (await perEvent(actor.tenantId, [e]))[0]!;
    },

    /** A project's reach: distinct people trained across its trainings, plus all their alumni's audiences. */
    async projectReach(actor: Actor, projectCode: string): Promise<ProjectReach> {
      assertCan(actor, 'trainings.reach.read');
      const list = await repo.eventsOfProject(actor.tenantId, projectCode);
      const ids = list.map((e) => e.id);
      const [trained, audiences] = await Promise.all([
        repo.trained(actor.tenantId, ids, 'project'),
        repo.audiences(actor.tenantId, ids, 'project'),
      ]);
      return {
        projectCode,
        ...breakdown(trained[0], audiences[0]),
        events: await perEvent(actor.tenantId, list),
      };
    },
  };
}

export type ReachService = ReturnType<typeof createReachService>;
