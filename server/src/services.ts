import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/database.ts';
import { createAuditService } from './modules/access/audit.service.ts';
import { createAuthService } from './modules/access/auth.service.ts';
import { createOrganisationsService } from './modules/access/organisations.service.ts';
import { createUsersService } from './modules/access/users.service.ts';
import { createDedupService, DEDUP_RUN_JOB } from './modules/dedup/dedup.service.ts';
import { createFeedbackService } from './modules/feedback/feedback.service.ts';
import { createFilesService } from './modules/files/files.service.ts';
import { createFormsService } from './modules/forms/forms.service.ts';
import {
  APPLICATION_FILE_OWNER,
  createApplicationsService,
} from './modules/grants/grants.applications.service.ts';
import { createAwardsService } from './modules/grants/grants.awards.service.ts';
import { createCallsService } from './modules/grants/grants.calls.service.ts';
import { createCommitteeService } from './modules/grants/grants.committee.service.ts';
import { createDashboardService } from './modules/grants/grants.dashboard.service.ts';
import { createMonitoringService } from './modules/grants/grants.monitoring.service.ts';
import { createPaymentsService } from './modules/grants/grants.payments.service.ts';
import { createReviewsService } from './modules/grants/grants.reviews.service.ts';
import { createScreeningService } from './modules/grants/grants.screening.service.ts';
import { createSystemService } from './modules/health/health.service.ts';
import { JobRunner } from './modules/jobs/jobs.runner.ts';
import { createJobsService } from './modules/jobs/jobs.service.ts';
import { createMailer } from './modules/notifications/notifications.mailer.ts';
import {
  createNotificationsService,
  NOTIFICATION_SEND_JOB,
} from './modules/notifications/notifications.service.ts';
import { createConsentService } from './modules/people/consent.service.ts';
import { createHouseholdsService } from './modules/people/households.service.ts';
import { importPeopleJob, PEOPLE_IMPORT_JOB } from './modules/people/import/people-import.jobs.ts';
import { createPeopleImportService } from './modules/people/import/people-import.service.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { importPlacesJob, PLACES_IMPORT_JOB } from './modules/places/places.jobs.ts';
import { createPlacesService } from './modules/places/places.service.ts';
import { createPortalService } from './modules/portal/portal.service.ts';
import { collectAudiences } from './modules/portal/portal.sources.ts';
import { createTenantsService } from './modules/tenants/tenants.service.ts';
import { createTrainingsService } from './modules/trainings/trainings.service.ts';
import { createCrypto, resolveSecretKey } from './shared/crypto.ts';

/** Wires every module's service over one database; routes and commands receive this. */
export function createServices(handle: DatabaseHandle, config: Config) {
  const { db } = handle;
  const runner = new JobRunner(db, { pollMs: config.jobsPollMs });
  const places = createPlacesService(db, config.assetsDir);
  const crypto = createCrypto(resolveSecretKey(config));
  const audit = createAuditService(db);
  const forms = createFormsService(db, { audit });
  const people = createPeopleService(db, { crypto, audit, places });
  const jobs = createJobsService(db, () => runner.wake());
  const notifications = createNotificationsService(db, {
    crypto,
    jobs,
    audit,
    mailer: createMailer(config.smtp),
  });
  const consent = createConsentService(db, { audit, places });
  const files = createFilesService(db, { dataDir: config.dataDir, maxBytes: config.uploadMaxBytes });
  const grantCalls = createCallsService(db, { audit, forms, places });
  const grantScreening = createScreeningService(db, { crypto, audit, calls: grantCalls, people, consent });
  const users = createUsersService(db, { config, audit });
  const organisations = createOrganisationsService(db, { audit });
  const grantsReviews = createReviewsService(db, { crypto, audit, users });
  const grantsAwards = createAwardsService(db, { crypto, audit, organisations, places });
  // Reviewers read the documents of applications assigned to them, once they declared no conflict.
  files.registerOwnerAccess(
    APPLICATION_FILE_OWNER,
    async (actor, id) =>
      (await grantScreening.canReadApplication(actor, id)) ||
      (id !== null && (await grantsReviews.reviewerMayRead(actor, id))),
  );
  const grantApplications = createApplicationsService(db, {
    crypto,
    audit,
    calls: grantCalls,
    files,
    forms,
    places,
  });
  // The status page shows the applicant what the outbox told it (committee decisions).
  grantApplications.setPublicMessagesProvider((tenantId, id) =>
    notifications.publicMessagesFor(tenantId, 'grant_application', id),
  );
  const services = {
    /** For cross-cutting HTTP concerns (idempotency); modules use their own repositories. */
    db,
    people,
    households: createHouseholdsService(db, { audit, people, places }),
    consent,
    crypto,
    audit,
    auth: createAuthService(db, { config, crypto, audit }),
    users,
    organisations,
    system: createSystemService(db, handle.engine, config.version),
    tenants: createTenantsService(db),
    places,
    jobs,
    peopleImport: createPeopleImportService(db, {
      crypto,
      audit,
      places,
      jobs,
      engine: handle.engine,
      parallel: { secretKeyHex: resolveSecretKey(config) },
    }),
    dedup: createDedupService(db, { people, audit, jobs }),
    forms,
    notifications,
    files,
    grantCalls,
    grantApplications,
    grantScreening,
    grantsReviews,
    grantsCommittee: createCommitteeService(db, { crypto, audit, notifications }),
    grantsAwards,
    grantsPayments: createPaymentsService(db, { audit, consent, awards: grantsAwards }),
    grantsMonitoring: createMonitoringService(db, { audit, files, awards: grantsAwards }),
    grantsDashboard: createDashboardService(db),
    feedback: createFeedbackService(db, { crypto, audit, users }),
    runner,
  };
  runner.register(PLACES_IMPORT_JOB, importPlacesJob(places));
  runner.register(PEOPLE_IMPORT_JOB, importPeopleJob(services.peopleImport));
  runner.register(DEDUP_RUN_JOB, services.dedup.runDedup);
  runner.register(NOTIFICATION_SEND_JOB, notifications.sendOne);
  const trainings = createTrainingsService(db, {
    people: services.people,
    consent: services.consent,
    notifications: services.notifications,
    audit,
    crypto,
    places,
    users: services.users,
    organisations: services.organisations,
    forms: services.forms,
    publicUrl: config.publicUrl,
  });
  // The public portal: figures from the ledger, stories taken down when consent is withdrawn.
  const portal = createPortalService(db, { audit, consent: services.consent, places, config });
  portal.site.connect({
    openCalls: async (tenantId) => (await grantCalls.listPublicCalls(tenantId)).items,
    openTrainings: async (tenantId) => (await trainings.events.listOpenEvents(tenantId)).items,
    audiences: (tenantId) => collectAudiences(trainings.awareness.listSessions, tenantId),
  });
  return { ...services, trainings, portal };
}

export type Services = ReturnType<typeof createServices>;
