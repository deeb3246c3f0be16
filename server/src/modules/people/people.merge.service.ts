import type { PersonRecord } from '@oselia/matching';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import { scopeOf, toMatchRecord } from './people.mapper.ts';
import { createPeopleRepository } from './people.repository.ts';

/** Records found to be the same person: what the matching engine compares, merging and its undoing. */
export function createPeopleMergeService(db: Database, deps: { audit: AuditService }) {
  const repo = createPeopleRepository(db);

  /** Points a record at its survivor (or at none again), with the change in the audit log. */
  async function setMergedInto(
    trx: Database,
    actor: Actor,
    personId: string,
    change: { from: string | null; to: string | null },
  ) {
    await createPeopleRepository(trx).setMergedInto(actor.tenantId, personId, change.to);
    await deps.audit.recordAudit(
      {
        tenantId: actor.tenantId,
        actor,
        action: change.to === null ? 'person.merge_undone' : 'person.merged',
        entityType: 'person',
        entityId: personId,
        before: { mergedInto: change.from },
        after: { mergedInto: change.to },
      },
      trx,
    );
  }

  return {
    /** The records the matching engine compares: everyone not already merged into someone else. */
    async listMatchRecords(tenantId: string): Promise<PersonRecord[]> {
      const rows = await repo.listMatchRecords(tenantId);
      return rows.map(toMatchRecord);
    },

    /**
     * Marks `mergedId` as the same person as `survivorId`. Nothing is moved or deleted: the merged
     * record points at the survivor, so its identifiers, consent and assistance stay, and the merge
     * can be undone.
     */
    async mergePersons(trx: Database, actor: Actor, survivorId: string, mergedId: string) {
      const r = createPeopleRepository(trx);
      const [survivor, merged] = [
        await r.findPerson(actor.tenantId, survivorId),
        await r.findPerson(actor.tenantId, mergedId),
      ];
      if (!survivor || !merged) throw notFound('person');
      assertCan(actor, 'people.write', scopeOf(survivor));
      assertCan(actor, 'people.write', scopeOf(merged));
      if (survivor.merged_into || merged.merged_into)
        throw new AppError('CONFLICT', 'one of the records is already merged into another');
      await setMergedInto(trx, actor, mergedId, { from: null, to: survivorId });
    },

    async undoMerge(trx: Database, actor: Actor, mergedId: string) {
      const r = createPeopleRepository(trx);
      const merged = await r.findPerson(actor.tenantId, mergedId);
      if (!merged) throw notFound('person');
      assertCan(actor, 'people.write', scopeOf(merged));
      if (!merged.merged_into) throw new AppError('CONFLICT', 'this record is not merged');
      await setMergedInto(trx, actor, mergedId, { from: merged.merged_into, to: null });
    },
  };
}
