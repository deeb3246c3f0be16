import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { pcode } from './places.contract.ts';

const isoDate = z.iso.date();
const nameText = z
  .string()
  .trim()
  // An empty name gets "required" alone: the character rule says nothing useful about an empty cell.
  .min(1, { error: 'required', abort: true })
  // Nor on an overlong one: the engine's regular expressions run out of stack on millions of
  // letters, which would turn a bad field into a server error.
  .max(100, { error: 'at most 100 characters', abort: true })
  .regex(/^[\p{L}\p{M}'’ʼ`.\- ]+$/u, 'letters, spaces, hyphens and apostrophes only');

export const sex = z.enum(['F', 'M', 'other', 'unknown']);
export const populationGroup = z.enum(['idp', 'returnee', 'host_community', 'refugee_migrant']);
export const birthDatePrecision = z.enum(['day', 'month', 'year', 'estimated']);
export const ageBand = z.enum(['0-17', '18-59', '60+']);

/** Washington Group Short Set: six domains, four answers. */
export const wgAnswer = z.enum(['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do']);
export const wgDomains = ['seeing', 'hearing', 'walking', 'cognition', 'selfCare', 'communication'] as const;
export const washingtonGroup = z.object(
  Object.fromEntries(wgDomains.map((d) => [d, wgAnswer.nullable().default(null)])) as {
    [K in (typeof wgDomains)[number]]: z.ZodDefault<z.ZodNullable<typeof wgAnswer>>;
  },
);
export type WashingtonGroup = z.infer<typeof washingtonGroup>;

export const vulnerability = z.enum([
  'chronic_illness',
  'pregnant_or_breastfeeding',
  'single_headed_household',
  'older_person_alone',
  'unaccompanied_or_separated_child',
  'large_family',
  'survivor_of_violence',
  'veteran_or_family',
  'lost_livelihood',
]);

export const identifierType = z.enum(['tax_number', 'passport', 'idp_certificate', 'birth_certificate']);
export type IdentifierType = z.infer<typeof identifierType>;
export const identifierInput = z.object({ type: identifierType, value: z.string().trim().min(1).max(40) });
export const identifier = z.object({
  id: z.uuid(),
  type: identifierType,
  masked: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export const revealedIdentifier = identifier.extend({ value: z.string() });

/** Ukrainian phone numbers, in any common writing; stored as E.164 (+380XXXXXXXXX). */
export const phone = z.string().trim().max(30);

export const consentPurpose = z.enum([
  'assistance',
  'referral',
  'data_sharing',
  'story_publication',
  'follow_up',
]);
export type ConsentPurpose = z.infer<typeof consentPurpose>;
export const consentMethod = z.enum(['signed', 'verbal', 'digital']);
export const recordConsentBody = z.object({
  purpose: consentPurpose,
  status: z.enum(['given', 'withdrawn']),
  method: consentMethod,
  /** For data sharing: the organisation the data may go to. */
  organisationId: z.uuid().nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
});
/** A person's fields as sent, without defaults: an update must not fill what it did not send. */
const personEditable = {
  familyName: nameText,
  givenName: nameText,
  patronymic: nameText.nullable(),
  birthDate: isoDate.nullable(),
  birthDatePrecision,
  sex,
  phones: z.array(phone).max(5),
  populationGroup: populationGroup.nullable(),
  originPcode: pcode.nullable(),
  currentPcode: pcode.nullable(),
  displacementDate: isoDate.nullable(),
  washingtonGroup: washingtonGroup.nullable(),
  vulnerabilities: z.array(vulnerability).max(20),
};

const personFields = {
  ...personEditable,
  patronymic: personEditable.patronymic.default(null),
  birthDate: personEditable.birthDate.default(null),
  birthDatePrecision: birthDatePrecision.default('day'),
  sex: sex.default('unknown'),
  phones: personEditable.phones.default([]),
  populationGroup: personEditable.populationGroup.default(null),
  originPcode: personEditable.originPcode.default(null),
  currentPcode: personEditable.currentPcode.default(null),
  displacementDate: personEditable.displacementDate.default(null),
  washingtonGroup: personEditable.washingtonGroup.default(null),
  vulnerabilities: personEditable.vulnerabilities.default([]),
};

export const createPersonBody = z.object({
  ...personFields,
  identifiers: z.array(identifierInput).max(8).default([]),
  /** Consent taken at registration (usually for assistance). */
  consents: z.array(recordConsentBody).max(5).default([]),
});
export type CreatePersonBody = z.input<typeof createPersonBody>;
export const updatePersonBody = z.object(personEditable).partial().extend({ version: z.number().int() });

export const person = z.object({
  id: z.uuid(),
  version: z.number().int(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  latinName: z.object({ familyName: z.string(), givenName: z.string(), patronymic: z.string().nullable() }),
  birthDate: z.string().nullable(),
  birthDatePrecision,
  ageBand: ageBand.nullable(),
  sex,
  phones: z.array(z.string()),
  populationGroup: populationGroup.nullable(),
  originPcode: pcode.nullable(),
  currentPcode: pcode.nullable(),
  displacementDate: z.string().nullable(),
  washingtonGroup: washingtonGroup.nullable(),
  /** WG-SS cut-off: "a lot of difficulty" or "cannot do" in any domain; null when not asked. */
  disability: z.boolean().nullable(),
  vulnerabilities: z.array(vulnerability),
  householdId: z.uuid().nullable(),
  relationshipToHead: z.string().nullable(),
  identifiers: z.array(identifier),
  registeredByOrganisationId: z.uuid(),
  /** Set when this record was merged into another (the same person registered twice). */
  mergedInto: z.uuid().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Person = z.infer<typeof person>;

export const relationship = z.enum([
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
]);
export const householdMemberInput = z.object({ person: createPersonBody, relationship });
export const createHouseholdBody = z.object({
  address: z.string().trim().max(300).nullable().default(null),
  currentPcode: pcode.nullable().default(null),
  members: z.array(householdMemberInput).min(1).max(30),
});
export const household = z.object({
  id: z.uuid(),
  version: z.number().int(),
  address: z.string().nullable(),
  currentPcode: pcode.nullable(),
  headPersonId: z.uuid().nullable(),
  members: z.array(
    z.object({
      personId: z.uuid(),
      relationship,
      since: z.iso.datetime({ offset: true }),
      person: person.pick({
        id: true,
        familyName: true,
        givenName: true,
        patronymic: true,
        birthDate: true,
        sex: true,
        disability: true,
        ageBand: true,
      }),
    }),
  ),
  size: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Household = z.infer<typeof household>;
export const moveMemberBody = z.object({ personId: z.uuid(), relationship, version: z.number().int() });

export const consent = z.object({
  id: z.uuid(),
  purpose: consentPurpose,
  status: z.enum(['given', 'withdrawn']),
  method: consentMethod,
  organisationId: z.uuid().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.iso.datetime({ offset: true }),
});
export const consentState = z.object({
  purpose: consentPurpose,
  organisationId: z.uuid().nullable(),
  holds: z.boolean(),
  since: z.iso.datetime({ offset: true }).nullable(),
});
export const consentOverview = z.object({ current: z.array(consentState), history: z.array(consent) });

export const modality = z.enum(['cash', 'voucher', 'in_kind', 'service']);
export const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as UAH');
export const recordAssistanceBody = z.object({
  type: z.string().trim().min(1).max(100),
  date: isoDate,
  projectCode: z.string().trim().max(50).nullable().default(null),
  placePcode: pcode.nullable().default(null),
  /** Integer minor units (kopiykas, cents): money is never a float. */
  valueMinor: z.number().int().min(0).max(1_000_000_000_00).nullable().default(null),
  currency: currency.nullable().default(null),
  modality,
  note: z.string().trim().max(500).nullable().default(null),
});
export const assistance = z.object({
  id: z.uuid(),
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  type: z.string(),
  date: z.string(),
  projectCode: z.string().nullable(),
  placePcode: z.string().nullable(),
  valueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  modality,
  source: z.string(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export const assistancePage = pageOf(assistance);

export const personSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  oblast: pcode.optional(),
  populationGroup: populationGroup.optional(),
  vulnerability: vulnerability.optional(),
  disability: z.enum(['true', 'false']).optional(),
  minHouseholdSize: z.coerce.number().int().min(1).max(30).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const personHit = z.object({
  id: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex,
  currentPcode: z.string().nullable(),
  householdSize: z.number().int().nullable(),
  score: z.number(),
  matchedOn: z.enum(['name', 'phone', 'identifier', 'filters']),
});
export const personSearchResult = z.object({ items: z.array(personHit) });
export type PersonHit = z.infer<typeof personHit>;

/** What an officer has typed so far, to check for people already registered. */
export const duplicateCheckBody = z.object({
  familyName: z.string().trim().min(1).max(100),
  givenName: z.string().trim().min(1).max(100),
  patronymic: z.string().trim().max(100).nullable().default(null),
  birthDate: isoDate.nullable().default(null),
  sex: sex.default('unknown'),
  phones: z.array(phone).max(5).default([]),
  taxNumber: z.string().trim().max(20).nullable().default(null),
  limit: z.number().int().min(1).max(20).default(5),
});
export const duplicateCandidate = z.object({
  personId: z.uuid(),
  familyName: z.string(),
  givenName: z.string(),
  patronymic: z.string().nullable(),
  birthDate: z.string().nullable(),
  currentPcode: z.string().nullable(),
  /** Match weight (log2 odds) and its probability; `link` = almost surely the same person. */
  weight: z.number(),
  probability: z.number(),
  decision: z.enum(['link', 'review', 'distinct']),
  /** Why: each field's agreement level and the weight it added. */
  fields: z.array(z.object({ field: z.string(), label: z.string(), weight: z.number() })),
});
export const duplicateCheckResult = z.object({ candidates: z.array(duplicateCandidate) });
