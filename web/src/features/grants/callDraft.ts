import type {
  CreateCallBody,
  EligibilityRule,
  GrantCall,
  GrantCallKind,
  RequiredDocument,
  RubricCriterion,
  UpdateCallBody,
} from '@oselia/contracts';
import {
  type DraftProblems,
  label,
  type RuleDraft,
  ruleFromDraft,
  ruleToDraft,
  SLUG,
  wholeNumber,
} from './callRules.ts';
import { fromLocalInput, toLocalInput } from './dates.ts';

export interface DocumentDraft {
  kind: string;
  labelUk: string;
  labelEn: string;
  descriptionUk: string;
  descriptionEn: string;
  required: boolean;
  maxFiles: string;
}

export interface CriterionDraft {
  key: string;
  labelUk: string;
  labelEn: string;
  weight: string;
  min: string;
  max: string;
}

export interface CallDraft {
  kind: GrantCallKind;
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  currency: string;
  budgetMinor: number | null;
  maxPerGrantMinor: number | null;
  /** `datetime-local` values. */
  opensAt: string;
  closesAt: string;
  reviewersPerApplication: string;
  formId: string | null;
  formVersion: number | null;
  rules: RuleDraft[];
  documents: DocumentDraft[];
  criteria: CriterionDraft[];
}

export const newDocument = (): DocumentDraft => ({
  kind: '',
  labelUk: '',
  labelEn: '',
  descriptionUk: '',
  descriptionEn: '',
  required: true,
  maxFiles: '3',
});

export const newCriterion = (): CriterionDraft => ({
  key: '',
  labelUk: '',
  labelEn: '',
  weight: '',
  min: '0',
  max: '10',
});

export function emptyCall(now = new Date()): CallDraft {
  const opens = new Date(now.getTime() + 60 * 60_000);
  const closes = new Date(now.getTime() + 30 * 24 * 60 * 60_000);
  return {
    kind: 'business',
    titleUk: '',
    titleEn: '',
    descriptionUk: '',
    descriptionEn: '',
    currency: 'UAH',
    budgetMinor: null,
    maxPerGrantMinor: null,
    opensAt: toLocalInput(opens.toISOString()),
    closesAt: toLocalInput(closes.toISOString()),
    reviewersPerApplication: '2',
    formId: null,
    formVersion: null,
    rules: [],
    documents: [],
    criteria: [],
  };
}

export function draftFromCall(call: GrantCall): CallDraft {
  return {
    kind: call.kind,
    titleUk: call.title.uk,
    titleEn: call.title.en,
    descriptionUk: call.description.uk,
    descriptionEn: call.description.en,
    currency: call.currency,
    budgetMinor: call.budgetMinor,
    maxPerGrantMinor: call.maxPerGrantMinor,
    opensAt: toLocalInput(call.opensAt),
    closesAt: toLocalInput(call.closesAt),
    reviewersPerApplication: String(call.reviewersPerApplication),
    formId: call.form?.id ?? null,
    formVersion: call.form?.version ?? null,
    rules: call.eligibilityRules.map(ruleToDraft),
    documents: call.requiredDocuments.map((d) => ({
      kind: d.kind,
      labelUk: d.label.uk,
      labelEn: d.label.en,
      descriptionUk: d.description?.uk ?? '',
      descriptionEn: d.description?.en ?? '',
      required: d.required,
      maxFiles: String(d.maxFiles),
    })),
    criteria: call.scoringRubric.criteria.map((k) => ({
      key: k.key,
      labelUk: k.label.uk,
      labelEn: k.label.en,
      weight: String(k.weight),
      min: String(k.scale.min),
      max: String(k.scale.max),
    })),
  };
}

function documentFromDraft(d: DocumentDraft, at: string, problems: DraftProblems): RequiredDocument | null {
  if (!SLUG.test(d.kind.trim())) problems[`${at}.kind`] = 'grants.editor.errors.slug';
  if (d.labelUk.trim() === '') problems[`${at}.labelUk`] = 'forms.required';
  if (d.labelEn.trim() === '') problems[`${at}.labelEn`] = 'forms.required';
  const maxFiles = wholeNumber(d.maxFiles, 1, 10);
  if (maxFiles === null) problems[`${at}.maxFiles`] = 'grants.editor.errors.maxFiles';
  if (problems[`${at}.kind`] || problems[`${at}.labelUk`] || problems[`${at}.labelEn`] || maxFiles === null)
    return null;
  const description = label({ labelUk: d.descriptionUk, labelEn: d.descriptionEn });
  return {
    kind: d.kind.trim(),
    label: { uk: d.labelUk.trim(), en: d.labelEn.trim() },
    ...(description ? { description } : {}),
    required: d.required,
    maxFiles,
  };
}

function criterionFromDraft(d: CriterionDraft, at: string, problems: DraftProblems): RubricCriterion | null {
  if (!SLUG.test(d.key.trim())) problems[`${at}.key`] = 'grants.editor.errors.slug';
  if (d.labelUk.trim() === '') problems[`${at}.labelUk`] = 'forms.required';
  if (d.labelEn.trim() === '') problems[`${at}.labelEn`] = 'forms.required';
  const weight = wholeNumber(d.weight, 1, 100);
  if (weight === null) problems[`${at}.weight`] = 'grants.editor.errors.weight';
  const min = wholeNumber(d.min, 0, 100);
  const max = wholeNumber(d.max, 1, 100);
  if (min === null) problems[`${at}.min`] = 'grants.editor.errors.scale';
  if (max === null || (min !== null && max <= min)) problems[`${at}.max`] = 'grants.editor.errors.scaleMax';
  if (Object.keys(problems).some((k) => k.startsWith(`${at}.`))) return null;
  return {
    key: d.key.trim(),
    label: { uk: d.labelUk.trim(), en: d.labelEn.trim() },
    weight: weight!,
    scale: { min: min!, max: max! },
  };
}

/** Sum of the criteria weights as typed (what a call needs to open: 100). */
export const weightTotal = (criteria: CriterionDraft[]) =>
  criteria.reduce((sum, c) => sum + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight.trim()) : 0), 0);

/** The body to create a call, or the problems that keep it from being sent. */
export function callBody(
  d: CallDraft,
): { body: CreateCallBody; problems: null } | { body: null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  for (const f of ['titleUk', 'titleEn', 'descriptionUk', 'descriptionEn'] as const)
    if (d[f].trim() === '') problems[f] = 'forms.required';
  if (d.budgetMinor === null || d.budgetMinor < 1) problems.budgetMinor = 'grants.editor.errors.money';
  if (d.maxPerGrantMinor === null || d.maxPerGrantMinor < 1)
    problems.maxPerGrantMinor = 'grants.editor.errors.money';
  else if (d.budgetMinor !== null && d.maxPerGrantMinor > d.budgetMinor)
    problems.maxPerGrantMinor = 'grants.editor.errors.maxAboveBudget';
  const opensAt = fromLocalInput(d.opensAt);
  const closesAt = fromLocalInput(d.closesAt);
  if (!opensAt) problems.opensAt = 'grants.editor.errors.date';
  if (!closesAt) problems.closesAt = 'grants.editor.errors.date';
  else if (opensAt && Date.parse(closesAt) <= Date.parse(opensAt))
    problems.closesAt = 'grants.editor.errors.closesBeforeOpens';
  const reviewers = wholeNumber(d.reviewersPerApplication, 1, 10);
  if (reviewers === null) problems.reviewersPerApplication = 'grants.editor.errors.reviewers';
  const rules = d.rules.map((r, i) => ruleFromDraft(r, `rules.${i}`, problems));
  const documents = d.documents.map((x, i) => documentFromDraft(x, `documents.${i}`, problems));
  const kinds = documents.filter((x) => x !== null).map((x) => x.kind);
  kinds.forEach((k, i) => {
    if (kinds.indexOf(k) !== i) problems[`documents.${i}.kind`] = 'grants.editor.errors.duplicateKey';
  });
  const criteria = d.criteria.map((x, i) => criterionFromDraft(x, `criteria.${i}`, problems));
  const keys = criteria.filter((x) => x !== null).map((x) => x.key);
  keys.forEach((k, i) => {
    if (keys.indexOf(k) !== i) problems[`criteria.${i}.key`] = 'grants.editor.errors.duplicateKey';
  });
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return {
    problems: null,
    body: {
      kind: d.kind,
      title: { uk: d.titleUk.trim(), en: d.titleEn.trim() },
      description: { uk: d.descriptionUk.trim(), en: d.descriptionEn.trim() },
      currency: d.currency,
      budgetMinor: d.budgetMinor!,
      maxPerGrantMinor: d.maxPerGrantMinor!,
      opensAt: opensAt!,
      closesAt: closesAt!,
      eligibilityRules: rules as EligibilityRule[],
      requiredDocuments: documents as RequiredDocument[],
      scoringRubric: { criteria: criteria as RubricCriterion[] },
      form: d.formId && d.formVersion ? { id: d.formId, version: d.formVersion } : null,
      reviewersPerApplication: reviewers!,
      projectId: null,
    },
  };
}

/**
 * The change to send for an existing call. An open (or closed) call changes only its texts and a
 * later closing date; a draft changes everything.
 */
export function updateBody(
  d: CallDraft,
  call: Pick<GrantCall, 'status' | 'version' | 'projectId'>,
): { body: UpdateCallBody; problems: null } | { body: null; problems: DraftProblems } {
  const built = callBody(d);
  if (built.problems) return built;
  const { body } = built;
  if (call.status === 'draft')
    return { problems: null, body: { ...body, projectId: call.projectId, version: call.version } };
  return {
    problems: null,
    body: {
      title: body.title,
      description: body.description,
      closesAt: body.closesAt,
      version: call.version,
    },
  };
}

/** Where a server field path shows in the editor. */
export function editorField(path: string): string {
  const p = path.replace(/^body\./, '');
  const m = /^(title|description)\.(uk|en)/.exec(p);
  if (m) return `${m[1]}${m[2] === 'uk' ? 'Uk' : 'En'}`;
  return p
    .replace(/^eligibilityRules\./, 'rules.')
    .replace(/^requiredDocuments\./, 'documents.')
    .replace(/^scoringRubric\.criteria\./, 'criteria.')
    .replace(/^form\..*/, 'form');
}
