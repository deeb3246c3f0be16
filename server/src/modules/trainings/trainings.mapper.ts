import type {
  SelectionBasis,
  TargetGroup,
  TrainingApplicant,
  TrainingEvent,
  TrainingQuota,
  TrainingTopic,
} from '@oselia/contracts';
import type { Selectable } from 'kysely';
import type { TrainingApplicationsTable } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';
import type { EventRow } from './trainings.events.repository.ts';

const text = (t: unknown) => t as { uk: string; en: string };

export interface SessionRow {
  id: string;
  event_id: string;
  seq: number;
  date: string;
  title: unknown;
  minutes: number;
}
export interface FacilitatorRow {
  id: string;
  event_id: string;
  user_id: string | null;
  name: string;
}

export const toSession = (s: SessionRow) => ({
  id: s.id,
  seq: s.seq,
  date: s.date,
  title: s.title ? text(s.title) : null,
  minutes: s.minutes,
});

export function countsOf(byStatus: Map<string, number> | undefined) {
  const n = (s: string) => byStatus?.get(s) ?? 0;
  return {
    applied: [...(byStatus?.values() ?? [])].reduce((a, b) => a + b, 0) - n('withdrawn'),
    selected: n('selected'),
    waitlisted: n('waitlisted'),
    notSelected: n('not_selected'),
    declined: n('declined'),
  };
}

export function toEvent(
  r: EventRow,
  sessions: SessionRow[],
  facilitators: FacilitatorRow[],
  counts: Map<string, number> | undefined,
): TrainingEvent {
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    title: text(r.title),
    description: text(r.description),
    topics: r.topics as TrainingTopic[],
    projectCode: r.project_code,
    placePcode: r.place_pcode,
    venue: r.venue,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    capacity: r.capacity,
    targetGroups: r.target_groups as TargetGroup[],
    ageMin: r.age_min,
    ageMax: r.age_max,
    quotas: r.quotas as TrainingQuota[],
    fillUnusedQuotas: r.fill_unused_quotas,
    completion: { minAttendancePercent: r.completion_min_percent },
    sessions: sessions.map(toSession),
    facilitators: facilitators.map((f) => ({ id: f.id, userId: f.user_id, name: f.name })),
    enrolmentForm: r.form_id && r.form_version ? { formId: r.form_id, version: r.form_version } : null,
    enrolmentClosesOn: r.enrolment_closes_on,
    counts: countsOf(counts),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export type ApplicationRow = Selectable<TrainingApplicationsTable>;

export function toApplicant(
  r: Pick<
    ApplicationRow,
    | 'id'
    | 'reference_code'
    | 'person_id'
    | 'sex'
    | 'age_band'
    | 'population_group'
    | 'place_pcode'
    | 'language'
    | 'status'
    | 'basis'
    | 'submitted_at'
    | 'version'
  >,
  rank: number,
  name: { familyName: string; givenName: string; patronymic: string | null } | undefined,
): TrainingApplicant {
  return {
    id: r.id,
    referenceCode: r.reference_code,
    personId: r.person_id,
    familyName: name?.familyName ?? '',
    givenName: name?.givenName ?? '',
    patronymic: name?.patronymic ?? null,
    sex: r.sex,
    ageBand: r.age_band,
    populationGroup: r.population_group,
    placePcode: r.place_pcode,
    language: r.language,
    status: r.status,
    basis: (r.basis as SelectionBasis | null) ?? null,
    rank,
    submittedAt: iso(r.submitted_at),
    version: r.version,
  };
}

/** "Шевченко Олена Петрівна": a name as written, family name first, as on Ukrainian documents. */
export const fullName = (n: { familyName: string; givenName: string; patronymic: string | null }) =>
  [n.familyName, n.givenName, n.patronymic].filter(Boolean).join(' ');
