import type { Database } from '../../db/database.ts';
import { createAttendanceService } from './trainings.attendance.service.ts';
import { createAwarenessService } from './trainings.awareness.service.ts';
import { createCertificatesService } from './trainings.certificates.service.ts';
import type { TrainingsDeps } from './trainings.deps.ts';
import { createEnrolmentService } from './trainings.enrolment.service.ts';
import { createEventsService } from './trainings.events.service.ts';
import { createReachService } from './trainings.reach.service.ts';
import { createTestsService } from './trainings.tests.service.ts';

/**
 * The trainings module: events, enrolment and selection, attendance, knowledge tests,
 * certificates, alumni and their awareness sessions, cascade reach. Each part owns its rules;
 * this wires them together.
 */
export function createTrainingsService(db: Database, deps: TrainingsDeps) {
  const events = createEventsService(db, deps);
  const enrolment = createEnrolmentService(db, deps, events);
  const attendance = createAttendanceService(db, deps, events);
  const tests = createTestsService(db, deps, events, attendance);
  const certificates = createCertificatesService(db, deps, events, attendance);
  const awareness = createAwarenessService(db, deps, events, attendance, certificates);
  const reach = createReachService(db, events);
  return { events, enrolment, attendance, tests, certificates, awareness, reach };
}

export type TrainingsService = ReturnType<typeof createTrainingsService>;
export type { TrainingsDeps };
