import type {
  FormDefinition,
  PublicTrainingEvent,
  TrainingEvent,
  trainingEventsQuery,
} from '@oselia/contracts';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEventEditingService } from './trainings.events.editing.service.ts';
import { createEventsRepository, type EventRow } from './trainings.events.repository.ts';
import { standardEnrolmentForm } from './trainings.form.ts';
import { toEvent } from './trainings.mapper.ts';

type EventsQuery = z.output<typeof trainingEventsQuery>;

const today = () => new Date().toISOString().slice(0, 10);

/** Training events: what, where, when, for whom, with which quotas, sessions and facilitators. */
export function createEventsService(db: Database, deps: TrainingsDeps) {
  const repo = createEventsRepository(db);

  async function loadRow(tenantId: string, id: string) {
    const row = await repo.findEvent(tenantId, id);
    if (!row) throw notFound('training');
    return row;
  }

  async function present(tenantId: string, rows: EventRow[]): Promise<TrainingEvent[]> {
    const ids = rows.map((r) => r.id);
    const [sessions, facilitators, counts] = await Promise.all([
      repo.listSessions(tenantId, ids),
      repo.listFacilitators(tenantId, ids),
      repo.countApplications(tenantId, ids),
    ]);
    return rows.map((r) =>
      toEvent(
        r,
        sessions.filter((s) => s.event_id === r.id),
        facilitators.filter((f) => f.event_id === r.id),
        counts.get(r.id),
      ),
    );
  }

  /** The definition an event's public form uses: its stored form, or the standard one. */
  async function enrolmentDefinition(
    tenantId: string,
    form: { formId: string; version: number } | null,
  ): Promise<FormDefinition> {
    if (!form) return standardEnrolmentForm;
    const definition = await deps.forms?.getDefinition(tenantId, form.formId, form.version);
    if (!definition)
      throw new AppError('UNPROCESSABLE', 'the enrolment form of this training cannot be found');
    return definition;
  }

  return {
    loadRow,
    enrolmentDefinition,
    present,

    ...createEventEditingService(db, deps, { loadRow, present, enrolmentDefinition }),

    async getEvent(actor: Actor, id: string) {
      assertCan(actor, 'trainings.read');
      return (await present(actor.tenantId, [await loadRow(actor.tenantId, id)]))[0]!;
    },

    async listEvents(actor: Actor, q: EventsQuery) {
      assertCan(actor, 'trainings.read');
      const after = decodeCursor(q.cursor, 2);
      const rows = await repo.listEvents(
        actor.tenantId,
        { status: q.status, projectCode: q.projectCode },
        after ? { startsOn: String(after[0]), id: String(after[1]) } : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [r.starts_on, r.id]);
      const events = await present(actor.tenantId, page.items);
      return {
        items: events.map((e) => ({
          id: e.id,
          status: e.status,
          title: e.title,
          topics: e.topics,
          projectCode: e.projectCode,
          placePcode: e.placePcode,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          capacity: e.capacity,
          counts: e.counts,
        })),
        next: page.next,
      };
    },

    // ---- public ----

    async listOpenEvents(tenantId: string) {
      const rows = await repo.listOpenEvents(tenantId, today());
      return { items: rows.map((r) => publicView(r)) };
    },

    async getPublicEvent(tenantId: string, id: string): Promise<PublicTrainingEvent> {
      const row = await repo.findEvent(tenantId, id);
      // Drafts and cancelled trainings are not public.
      if (!row || row.status === 'draft' || row.status === 'cancelled') throw notFound('training');
      const form = await enrolmentDefinition(
        tenantId,
        row.form_id && row.form_version ? { formId: row.form_id, version: row.form_version } : null,
      );
      return { ...publicView(row), form };
    },
  };
}

/** Whether an event takes applications today. */
export const accepting = (r: Pick<EventRow, 'status' | 'enrolment_closes_on'>) =>
  r.status === 'open' && (r.enrolment_closes_on === null || r.enrolment_closes_on >= today());

function publicView(r: EventRow) {
  return {
    id: r.id,
    title: r.title as { uk: string; en: string },
    description: r.description as { uk: string; en: string },
    topics: r.topics as TrainingEvent['topics'],
    placePcode: r.place_pcode,
    venue: r.venue,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    enrolmentClosesOn: r.enrolment_closes_on,
    accepting: accepting(r),
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
