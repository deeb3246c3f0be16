import type {
  FormDefinition,
  FormDefinitionRecord,
  FormDefinitionSummary,
  Question,
} from '@oselia/contracts';
import type { FormDefinitionRow } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';

/** Questions that ask something (notes left out), repeat groups' own questions included. */
export function countQuestions(definition: FormDefinition): number {
  const count = (questions: readonly Question[]): number =>
    questions.reduce(
      (n, q) => n + (q.type === 'note' ? 0 : 1) + (q.repeat ? count(q.repeat.questions) : 0),
      0,
    );
  return definition.sections.reduce((n, s) => n + count(s.questions), 0);
}

type Row = Omit<FormDefinitionRow, 'tenant_id'> & { tenant_id?: string };

export function toFormSummary(r: Row): FormDefinitionSummary {
  return {
    id: r.id,
    version: r.version,
    title: { uk: r.title_uk, en: r.title_en },
    languages: r.definition.languages,
    questionCount: countQuestions(r.definition),
    source: r.source,
    sourceName: r.source_name,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
  };
}

export function toFormRecord(r: Row, versions: number[]): FormDefinitionRecord {
  return { ...toFormSummary(r), definition: r.definition, versions };
}
