import type { Role } from '@oselia/contracts';
import { AppError } from '../../shared/app-error.ts';
import { type Actor, assertCan, can } from '../access/access.policy.ts';

/** Roles that record attendance and test answers for any training; others only where they facilitate. */
const ANY_EVENT: readonly Role[] = ['admin', 'programme_manager', 'registration_officer'];

type RecordAction = 'trainings.attendance.record' | 'trainings.tests.record';

/** May this actor record attendance or answers for an event (it facilitates it, or its role covers all)? */
export function mayRecordFor(actor: Actor, action: RecordAction, facilitates: boolean): boolean {
  return can(actor, action) && (facilitates || actor.roles.some((r) => ANY_EVENT.includes(r)));
}

export function assertMayRecordFor(actor: Actor, action: RecordAction, facilitates: boolean): void {
  if (!mayRecordFor(actor, action, facilitates))
    throw new AppError('FORBIDDEN', 'only the facilitators of this training may record for it');
}

/** Whether the actor needs to be a facilitator (so the service asks only then). */
export const needsFacilitation = (actor: Actor) => !actor.roles.some((r) => ANY_EVENT.includes(r));

export { assertCan };
