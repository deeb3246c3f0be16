import type { IdentifierKind, Precision, Sex } from './memberDraft.ts';

/** The choices the member fields offer, in the order shown; search and the household section offer the same. */
export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
] as const;
export const SEXES: Sex[] = ['F', 'M', 'other', 'unknown'];
export const PRECISIONS: Precision[] = ['day', 'month', 'year', 'estimated'];
export const POPULATION_GROUPS = ['idp', 'returnee', 'host_community', 'refugee_migrant'] as const;
export const VULNERABILITIES = [
  'chronic_illness',
  'pregnant_or_breastfeeding',
  'single_headed_household',
  'older_person_alone',
  'unaccompanied_or_separated_child',
  'large_family',
  'survivor_of_violence',
  'veteran_or_family',
  'lost_livelihood',
] as const;
export const IDENTIFIER_TYPES: IdentifierKind[] = [
  'tax_number',
  'passport',
  'idp_certificate',
  'birth_certificate',
];
