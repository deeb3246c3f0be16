import type { Role } from '@oselia/contracts';
import { AppError } from '../../shared/app-error.ts';

/** Who is acting: a signed-in user with roles and scope. */
export interface Actor {
  userId: string;
  tenantId: string;
  organisationId: string;
  roles: readonly Role[];
  /** null = every project / every oblast. */
  projectScope: readonly string[] | null;
  oblastScope: readonly string[] | null;
  label: string;
}

/**
 * Who acts when nobody signed in does (a seed, the command line, a public form or link): no user,
 * every project and oblast; the label names it in the audit log.
 */
export function actorWithoutUser(a: {
  tenantId: string;
  organisationId?: string;
  roles?: Role[];
  label: string;
}): Actor {
  return {
    userId: null as unknown as string,
    tenantId: a.tenantId,
    organisationId: a.organisationId ?? '',
    roles: a.roles ?? [],
    projectScope: null,
    oblastScope: null,
    label: a.label,
  };
}

/** What a scoped record reveals about itself for the checks. */
export interface ScopedResource {
  organisationId?: string | null;
  projectId?: string | null;
  oblastPcode?: string | null;
}

const ALL_STAFF: readonly Role[] = [
  'admin',
  'programme_manager',
  'registration_officer',
  'reviewer',
  'finance_officer',
  'me_officer',
  'communications_officer',
  'partner_staff',
  'donor_viewer',
];

/**
 * Every action a route or service may ask for, and the roles that may take it. Scope (organisation,
 * project, oblast) is checked on top, against the record, by `can`.
 */
export const policy = {
  'session.self': ALL_STAFF,
  'organisations.read': ALL_STAFF,
  'organisations.manage': ['admin'],
  'users.read': ['admin'],
  'users.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin'],
  'jobs.read': ['admin', 'programme_manager', 'registration_officer', 'me_officer'],
  'jobs.cancel': ['admin', 'programme_manager'],
  'people.read': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'people.write': ['admin', 'registration_officer', 'partner_staff'],
  'people.identifiers.reveal': ['admin', 'registration_officer'],
  'people.consent.write': ['admin', 'registration_officer', 'partner_staff'],
  'people.import': ['admin', 'registration_officer'],
  'assistance.read': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'assistance.write': ['admin', 'registration_officer', 'partner_staff'],
  'dedup.run': ['admin', 'registration_officer'],
  'dedup.review': ['admin', 'registration_officer'],
  'files.upload': ALL_STAFF.filter((r) => r !== 'reviewer' && r !== 'donor_viewer'),
  'files.read': ALL_STAFF.filter((r) => r !== 'donor_viewer'),
  'grants.calls.read': ['admin', 'programme_manager', 'reviewer', 'finance_officer', 'me_officer'],
  'grants.calls.manage': ['admin', 'programme_manager'],
  'grants.applications.read': ['admin', 'programme_manager'],
  'grants.screening.manage': ['admin', 'programme_manager'],
  'forms.read': ['admin', 'programme_manager', 'registration_officer', 'reviewer', 'me_officer'],
  'forms.manage': ['admin', 'programme_manager'],
  'trainings.read': ['admin', 'programme_manager', 'registration_officer', 'me_officer', 'partner_staff'],
  'trainings.manage': ['admin', 'programme_manager'],
  'trainings.participants.read': ['admin', 'programme_manager', 'registration_officer'],
  'trainings.attendance.record': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'trainings.tests.record': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'trainings.reach.read': [
    'admin',
    'programme_manager',
    'registration_officer',
    'me_officer',
    'donor_viewer',
  ],
  'awareness.record': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'grants.reviews.assign': ['admin', 'programme_manager'],
  'grants.reviews.read': ['admin', 'programme_manager'],
  'grants.reviews.score': ['reviewer'],
  'grants.committee.manage': ['admin', 'programme_manager'],
  'grants.committee.approve': ['programme_manager'],
  'grants.awards.read': ['admin', 'programme_manager', 'finance_officer', 'me_officer'],
  'grants.awards.manage': ['admin', 'programme_manager', 'finance_officer'],
  'grants.payments.record': ['finance_officer'],
  'grants.monitoring.read': ['admin', 'programme_manager', 'finance_officer', 'me_officer'],
  'grants.monitoring.write': ['admin', 'programme_manager', 'me_officer'],
  'grants.dashboard.read': ['admin', 'programme_manager', 'finance_officer', 'me_officer'],
  'notifications.read': ['admin', 'programme_manager'],
  'notifications.manage': ['admin', 'programme_manager'],
  'portal.read': ['admin', 'communications_officer', 'programme_manager', 'me_officer'],
  'portal.manage': ['admin', 'communications_officer'],
  'portal.publish': ['admin', 'communications_officer'],
  'feedback.read': ['admin', 'registration_officer'],
  'feedback.handle': ['admin', 'registration_officer'],
  // Sensitive reports (fraud, abuse, exploitation): these roles AND the designation an admin grants.
  'feedback.sensitive.read': ['admin', 'registration_officer'],
  'feedback.stats': ['admin', 'programme_manager', 'registration_officer', 'me_officer'],
  'feedback.designate': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;

export function isAction(value: string): value is Action {
  return Object.hasOwn(policy, value);
}

/** The role check alone, for routes: does any of the actor's roles allow the action? */
export function hasRoleFor(actor: Pick<Actor, 'roles'>, action: Action): boolean {
  const allowed: readonly Role[] = policy[action];
  return actor.roles.some((r) => allowed.includes(r));
}

function inScope(actor: Actor, resource: ScopedResource): boolean {
  // Partner staff see only their own organisation's records, whatever else they hold.
  const onlyPartner = actor.roles.every((r) => r === 'partner_staff' || r === 'donor_viewer');
  if (onlyPartner && actor.roles.includes('partner_staff') && resource.organisationId !== undefined) {
    if (resource.organisationId !== actor.organisationId) return false;
  }
  if (actor.projectScope && resource.projectId !== undefined && resource.projectId !== null) {
    if (!actor.projectScope.includes(resource.projectId)) return false;
  }
  if (actor.oblastScope && resource.oblastPcode) {
    const pcode = resource.oblastPcode;
    if (!actor.oblastScope.some((o) => pcode.startsWith(o))) return false;
  }
  return true;
}

/** Role and scope together: may this actor take this action on this record? */
export function can(actor: Actor, action: Action, resource?: ScopedResource): boolean {
  return hasRoleFor(actor, action) && (resource === undefined || inScope(actor, resource));
}

export function assertCan(actor: Actor, action: Action, resource?: ScopedResource): void {
  if (!can(actor, action, resource)) throw new AppError('FORBIDDEN', 'you may not do this');
}
