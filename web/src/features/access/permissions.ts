import type { Role } from '@oselia/contracts';

/**
 * The actions the web app needs to know about, with the roles that may take them. This mirrors
 * the server's policy table (server/src/modules/access/access.policy.ts) for what the screens
 * show; the server still decides every request.
 */
export const webPolicy = {
  'users.manage': ['admin'],
  'organisations.manage': ['admin'],
  'settings.manage': ['admin'],
  'audit.read': ['admin'],
  'jobs.read': ['admin', 'programme_manager', 'registration_officer', 'me_officer'],
  'people.read': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'people.write': ['admin', 'registration_officer', 'partner_staff'],
  'people.import': ['admin', 'registration_officer'],
  'people.identifiers.reveal': ['admin', 'registration_officer'],
  'people.consent.write': ['admin', 'registration_officer', 'partner_staff'],
  'assistance.read': ['admin', 'programme_manager', 'registration_officer', 'partner_staff'],
  'assistance.write': ['admin', 'registration_officer', 'partner_staff'],
  'dedup.run': ['admin', 'registration_officer'],
  'dedup.review': ['admin', 'registration_officer'],
  'portal.read': ['admin', 'communications_officer', 'programme_manager', 'me_officer'],
  'portal.manage': ['admin', 'communications_officer'],
  'portal.publish': ['admin', 'communications_officer'],
  'grants.calls.manage': ['admin', 'programme_manager'],
  'grants.applications.read': ['admin', 'programme_manager'],
  'grants.screening.manage': ['admin', 'programme_manager'],
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
  'feedback.read': ['admin', 'registration_officer'],
  'feedback.handle': ['admin', 'registration_officer'],
  // The role alone is not enough for sensitive reports: an admin must also designate the user.
  'feedback.sensitive.read': ['admin', 'registration_officer'],
  'feedback.stats': ['admin', 'programme_manager', 'registration_officer', 'me_officer'],
  'feedback.designate': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type WebAction = keyof typeof webPolicy;

/**
 * Who may open a page: anyone, anyone with a session (even half-way through two-factor set-up),
 * any fully signed-in user, or the holders of an action.
 */
export type PageAccess = 'public' | 'session' | 'signedIn' | WebAction;

export function rolesAllow(roles: readonly Role[], action: WebAction): boolean {
  const allowed: readonly Role[] = webPolicy[action];
  return roles.some((r) => allowed.includes(r));
}

/** A `next` parameter is followed only when it is a path on this site. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
