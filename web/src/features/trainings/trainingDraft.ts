import type { TargetGroup, TrainingEvent, TrainingTopic } from '@oselia/contracts';
import type { EventBody } from './trainingsApi.ts';

export interface QuotaDraft {
  code: string;
  labelUk: string;
  labelEn: string;
  group: TargetGroup;
  percent: number | string;
}
export interface SessionDraft {
  id?: string | undefined;
  date: string;
  minutes: number | string;
}
export interface Draft {
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  topics: TrainingTopic[];
  projectCode: string;
  placePcode: string | null;
  venue: string;
  capacity: number | string;
  targetGroups: TargetGroup[];
  ageMin: number | string;
  ageMax: number | string;
  quotas: QuotaDraft[];
  fillUnusedQuotas: boolean;
  completionPercent: number | string;
  sessions: SessionDraft[];
  facilitatorUserIds: string[];
  externalFacilitators: string;
  enrolmentClosesOn: string;
}

export const empty: Draft = {
  titleUk: '',
  titleEn: '',
  descriptionUk: '',
  descriptionEn: '',
  topics: [],
  projectCode: '',
  placePcode: null,
  venue: '',
  capacity: 20,
  targetGroups: [],
  ageMin: '',
  ageMax: '',
  quotas: [],
  fillUnusedQuotas: true,
  completionPercent: 80,
  sessions: [{ date: '', minutes: 360 }],
  facilitatorUserIds: [],
  externalFacilitators: '',
  enrolmentClosesOn: '',
};

export function draftOf(e: TrainingEvent): Draft {
  return {
    titleUk: e.title.uk,
    titleEn: e.title.en,
    descriptionUk: e.description.uk,
    descriptionEn: e.description.en,
    topics: e.topics,
    projectCode: e.projectCode,
    placePcode: e.placePcode,
    venue: e.venue ?? '',
    capacity: e.capacity,
    targetGroups: e.targetGroups,
    ageMin: e.ageMin ?? '',
    ageMax: e.ageMax ?? '',
    quotas: e.quotas.map((q) => ({
      code: q.code,
      labelUk: q.label.uk,
      labelEn: q.label.en,
      group: q.populationGroups[0]!,
      percent: q.percent,
    })),
    fillUnusedQuotas: e.fillUnusedQuotas,
    completionPercent: e.completion.minAttendancePercent,
    sessions: e.sessions.map((s) => ({ id: s.id, date: s.date, minutes: s.minutes })),
    facilitatorUserIds: e.facilitators.flatMap((f) => (f.userId ? [f.userId] : [])),
    externalFacilitators: e.facilitators
      .filter((f) => !f.userId)
      .map((f) => f.name)
      .join('\n'),
    enrolmentClosesOn: e.enrolmentClosesOn ?? '',
  };
}

const num = (v: number | string) => (v === '' ? null : Number(v));

export function bodyOf(d: Draft): EventBody {
  return {
    title: { uk: d.titleUk, en: d.titleEn },
    description: { uk: d.descriptionUk, en: d.descriptionEn },
    topics: d.topics,
    projectCode: d.projectCode.trim(),
    placePcode: d.placePcode ?? '',
    venue: d.venue.trim() || null,
    capacity: Number(d.capacity),
    targetGroups: d.targetGroups,
    ageMin: num(d.ageMin),
    ageMax: num(d.ageMax),
    quotas: d.quotas.map((q) => ({
      code: q.code.trim(),
      label: { uk: q.labelUk, en: q.labelEn },
      populationGroups: [q.group],
      percent: Number(q.percent),
    })),
    fillUnusedQuotas: d.fillUnusedQuotas,
    completion: { minAttendancePercent: Number(d.completionPercent) },
    sessions: d.sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      date: s.date,
      minutes: Number(s.minutes),
      title: null,
    })),
    facilitators: [
      ...d.facilitatorUserIds.map((userId) => ({ userId })),
      ...d.externalFacilitators
        .split('\n')
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
    ],
    enrolmentClosesOn: d.enrolmentClosesOn || null,
    enrolmentForm: null,
  };
}

/** Sets one field of the draft; what the editor hands to each of its fieldsets. */
export type SetDraftField = <K extends keyof Draft>(key: K, value: Draft[K]) => void;
