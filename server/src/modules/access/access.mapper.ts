import type { Organisation, Role, User } from '@oselia/contracts';
import type { OrganisationRow, UserRow } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';

export function toUser(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    organisationId: r.organisation_id,
    roles: r.roles as Role[],
    projectScope: r.project_scope,
    oblastScope: r.oblast_scope,
    status: r.status,
    totpEnabled: r.totp_enabled,
    totpRequired: r.totp_required,
    lockedUntil: r.locked_until && new Date(r.locked_until) > new Date() ? iso(r.locked_until) : null,
    lastSignInAt: iso(r.last_sign_in_at),
    version: r.version,
    createdAt: iso(r.created_at),
  };
}

/** What the audit log keeps of a user: no password hash, no TOTP secret, no recovery codes. */
export function userForAudit(r: UserRow) {
  const { lockedUntil: _l, lastSignInAt: _s, createdAt: _c, ...rest } = toUser(r);
  return rest;
}

export function toOrganisation(r: OrganisationRow): Organisation {
  return {
    id: r.id,
    type: r.type,
    nameEn: r.name_en,
    nameUk: r.name_uk,
    version: r.version,
    createdAt: iso(r.created_at),
  };
}
