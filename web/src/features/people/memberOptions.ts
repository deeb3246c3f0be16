import {
  birthDatePrecision,
  identifierType,
  populationGroup,
  relationship,
  sex,
  vulnerability,
} from '@oselia/contracts';

/**
 * The choices the member fields offer, in the order shown; search and the household section offer
 * the same. Taken from the shared contracts, so the form offers exactly what the API accepts.
 */
export const RELATIONSHIPS = relationship.options;
export const SEXES = sex.options;
export const PRECISIONS = birthDatePrecision.options;
export const POPULATION_GROUPS = populationGroup.options;
export const VULNERABILITIES = vulnerability.options;
export const IDENTIFIER_TYPES = identifierType.options;
