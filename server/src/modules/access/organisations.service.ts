import type { OrganisationType } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { toOrganisation } from './access.mapper.ts';
import { type Actor, assertCan, can } from './access.policy.ts';
import { createAccessRepository } from './access.repository.ts';
import type { AuditService } from './audit.service.ts';
import type { systemActor } from './users.service.ts';

export interface OrganisationInput {
  type: OrganisationType;
  nameEn: string;
  nameUk: string;
}

export function createOrganisationsService(db: Database, deps: { audit: AuditService }) {
  const repo = createAccessRepository(db);

  return {
    /** Everyone sees the list but partner staff, who see their own organisation only. */
    async listOrganisations(actor: Actor, q: { cursor?: string; limit: number }) {
      if (!can(actor, 'organisations.read', { organisationId: null })) {
        const own = await repo.findOrganisation(actor.tenantId, actor.organisationId);
        return { items: own ? [toOrganisation(own)] : [], next: null };
      }
      const after = decodeCursor(q.cursor, 1);
      const rows = await repo.listOrganisations(
        actor.tenantId,
        after ? String(after[0]) : undefined,
        q.limit,
      );
      const page = pageFrom(rows, q.limit, (r) => [r.name_en]);
      return { items: page.items.map(toOrganisation), next: page.next };
    },

    /** Partner staff may open their own organisation only. */
    async getOrganisation(actor: Actor, id: string) {
      const row = await repo.findOrganisation(actor.tenantId, id);
      if (!row) throw notFound('organisation');
      assertCan(actor, 'organisations.read', { organisationId: row.id });
      return toOrganisation(row);
    },

    async createOrganisation(
      tenantId: string,
      actor: Pick<Actor, 'userId' | 'label'> | ReturnType<typeof systemActor>,
      input: OrganisationInput,
    ) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        if (await r.findOrganisationByName(tenantId, input.nameEn)) {
          throw new AppError('CONFLICT', 'an organisation with this name exists already', {
            fields: [{ field: 'nameEn', message: 'taken' }],
          });
        }
        const row = await r.insertOrganisation({
          tenant_id: tenantId,
          id: uuidv7(),
          type: input.type,
          name_en: input.nameEn,
          name_uk: input.nameUk,
          created_by: actor.userId,
        });
        await deps.audit.recordAudit(
          {
            tenantId,
            actor,
            action: 'organisation.created',
            entityType: 'organisation',
            entityId: row.id,
            after: toOrganisation(row),
          },
          trx,
        );
        return toOrganisation(row);
      });
    },

    /** Finds an organisation by its English name or creates it (for seeding); returns its id. */
    async ensureOrganisation(tenantId: string, input: OrganisationInput): Promise<string> {
      const found = await repo.findOrganisationByName(tenantId, input.nameEn);
      if (found) return found.id;
      return (await this.createOrganisation(tenantId, { userId: null, label: 'demo seed' }, input)).id;
    },

    async updateOrganisation(
      actor: Actor,
      id: string,
      patch: Partial<OrganisationInput> & { version: number },
    ) {
      return db.transaction().execute(async (trx) => {
        const r = createAccessRepository(trx);
        const before = await r.findOrganisation(actor.tenantId, id);
        if (!before) throw notFound('organisation');
        const after = await r.updateOrganisation(actor.tenantId, id, patch.version, {
          ...(patch.type ? { type: patch.type } : {}),
          ...(patch.nameEn ? { name_en: patch.nameEn } : {}),
          ...(patch.nameUk ? { name_uk: patch.nameUk } : {}),
        });
        if (!after) {
          throw new AppError(
            'VERSION_CONFLICT',
            'someone else changed this organisation meanwhile: reload and try again',
            {
              current: toOrganisation(before),
            },
          );
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'organisation.updated',
            entityType: 'organisation',
            entityId: id,
            before: toOrganisation(before),
            after: toOrganisation(after),
          },
          trx,
        );
        return toOrganisation(after);
      });
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
