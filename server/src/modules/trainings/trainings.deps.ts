import type { FormDefinition } from '@oselia/contracts';
import type { Crypto } from '../../shared/crypto.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { OrganisationsService } from '../access/organisations.service.ts';
import type { UsersService } from '../access/users.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { ConsentService } from '../people/consent.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import type { PlacesService } from '../places/places.service.ts';

/** A stored, versioned form (the forms module), when an event uses one for enrolment. */
export interface FormSource {
  getDefinition(tenantId: string, formId: string, version: number): Promise<FormDefinition | null>;
}

/** The other modules' services the trainings module uses, and nothing of their tables. */
export interface TrainingsDeps {
  people: PeopleService;
  consent: ConsentService;
  notifications: NotificationsService;
  audit: AuditService;
  crypto: Crypto;
  places: Pick<PlacesService, 'isKnownPlace'>;
  users: Pick<UsersService, 'getUser' | 'listUsers'>;
  organisations: Pick<OrganisationsService, 'getOrganisation'>;
  forms?: FormSource | undefined;
  /** The grants module, to check a grant application an alumnus is linked to (when wired). */
  grants?: { applicationExists(tenantId: string, applicationId: string): Promise<boolean> } | undefined;
  /** Where people reach the web app (links in messages). */
  publicUrl: string;
}
