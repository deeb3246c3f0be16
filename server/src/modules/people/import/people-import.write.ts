import type { ImportReport } from '@oselia/contracts';
import type { Database } from '../../../db/database.ts';
import type { PeopleImportRow } from '../../../db/schema.ts';
import { AppError } from '../../../shared/app-error.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import type { Actor } from '../../access/access.policy.ts';
import type { AuditService } from '../../access/audit.service.ts';
import { searchTermsOf } from '../people.search.ts';
import { type BulkTable, createBulkWriteRepository } from './people-import.bulk.repository.ts';
import { planWrite } from './people-import.plan.ts';
import { createPeopleImportRepository } from './people-import.repository.ts';
import type { Children, Columns, StagedRows } from './people-import.stage.ts';

/** Persons per step of the write: progress is reported, and cancellation noticed, between steps. */
const STEP = 20_000;

export interface WriteInput {
  actor: Actor;
  imp: Pick<PeopleImportRow, 'id' | 'source' | 'file_name' | 'sha256'>;
  stage: StagedRows;
  report: ImportReport;
  signal: AbortSignal;
  progress: (done: number, total: number, message: string) => void;
  /**
   * The database has no other session (the embedded one): a large load may then drop the
   * secondary indexes and build them again at the end, in the same transaction.
   */
  singleSession?: boolean;
  /** Fewest new persons for which that is worth it (building an index has a fixed cost). */
  rebuildFrom?: number;
  /** Fewest new persons for which foreign keys are checked as sets (tests lower it). */
  setChecksFrom?: number;
}

export const REBUILD_FROM = 10_000;
/** Fewest new persons for which foreign keys are checked as sets. */
export const SET_CHECKS_FROM = 1000;

const TABLES: BulkTable[] = [
  'households',
  'persons',
  'person_identifiers',
  'consents',
  'household_memberships',
];

/** The values of these columns at these indexes. */
function pick(columns: Columns, indexes: number[]): Columns {
  const out: Columns = {};
  for (const [name, values] of Object.entries(columns)) out[name] = indexes.map((i) => values[i]);
  return out;
}

/** Positions of the children (identifiers, consents) that belong to these staged persons. */
function childrenOf(c: Children, wanted: Set<number>) {
  const at: number[] = [];
  for (let k = 0; k < c.of.length; k++) if (wanted.has(c.of[k]!)) at.push(k);
  return at;
}

/**
 * Writes a staged file in one transaction, all or nothing: new households, then the persons step by
 * step with their identifiers, consents and memberships, the audit entry and the import's status.
 * Who is already in the registry is decided inside the transaction, over the whole file at once.
 */
export async function writeStage(db: Database, audit: AuditService, input: WriteInput) {
  const { actor, imp, stage, signal } = input;
  const ms: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    ms[name] = (ms[name] ?? 0) + Math.round(performance.now() - since);
    return performance.now();
  };
  const stopIfAsked = () => {
    if (signal.aborted) throw signal.reason ?? new AppError('CONFLICT', 'the import was stopped');
  };
  const who = { tenant_id: actor.tenantId };
  const author = { created_by: actor.userId, updated_by: actor.userId };

  return db.transaction().execute(async (trx) => {
    const r = createPeopleImportRepository(trx);
    const bulk = createBulkWriteRepository(trx);
    let t = performance.now();
    const present = new Map(
      (await r.findByImportKeys(actor.tenantId, imp.source, stage.importKey)).map((p) => [p.import_key, p]),
    );
    t = lap('present', t);
    const plan = planWrite(stage, present, uuidv7);
    t = lap('plan', t);

    // Loading at least as many persons as the registry holds: the secondary indexes are built once
    // at the end (all or nothing still: the build is in this transaction, unique ones check every row).
    const rebuild =
      input.singleSession === true &&
      plan.fresh.length >= (input.rebuildFrom ?? REBUILD_FROM) &&
      (await bulk.hasFewerRows('persons', plan.fresh.length + 1));
    const restore = rebuild ? await bulk.dropSecondaryIndexes(TABLES) : [];
    // Where the session may, foreign keys are checked once per key as sets rather than once per row
    // (tables with triggers of their own keep the row checks).
    const large = plan.fresh.length >= (input.setChecksFrom ?? SET_CHECKS_FROM);
    const checkAsSets = large && (await bulk.maySkipRowChecks());
    const opts = { checkAsSets, written: new Map<string, Set<string>>() };
    // Without a rebuild, a large load merges GIN entries in a few big batches, the last before commit.
    const bulkGin = !rebuild && large;
    if (bulkGin) await bulk.widenGinPendingLists();
    // The file's search terms are added once, below, instead of by the trigger at every step.
    if (plan.fresh.length > 0) await bulk.takeOverSearchTerms();
    t = lap('drop', t);

    const heads = plan.households.map((h) => h.head);
    await bulk.insertColumns(
      'households',
      { ...who, registered_by_org: actor.organisationId, ...author },
      {
        id: plan.households.map((h) => h.id),
        current_pcode: heads.map((i) => stage.person.current_pcode?.[i] ?? null),
        head_person_id: heads.map((i) => plan.personId[i]),
      },
      plan.households.length,
      opts,
    );
    t = lap('households', t);

    const membershipOf = new Map(plan.memberships.map((m) => [m.index, m.householdId]));
    const fresh = plan.fresh;
    for (let from = 0; from < fresh.length; from += STEP) {
      stopIfAsked();
      const step = fresh.slice(from, from + STEP);
      const personIds = step.map((i) => plan.personId[i]!);
      await bulk.insertColumns(
        'persons',
        { ...who, registered_by_org: actor.organisationId, ...author },
        {
          ...pick(stage.person, step),
          id: personIds,
          household_id: step.map((i) => plan.householdId[i]),
          relationship_to_head: step.map((i) => (plan.householdId[i] ? stage.relationship[i] : null)),
          import_key: step.map((i) => stage.importKey[i]),
        },
        step.length,
        opts,
      );
      t = lap('persons', t);

      const wanted = new Set(step);
      const ids = childrenOf(stage.identifiers, wanted);
      await bulk.insertColumns(
        'person_identifiers',
        { ...who, created_by: actor.userId },
        {
          ...pick(stage.identifiers.columns, ids),
          id: ids.map(() => uuidv7()),
          person_id: ids.map((k) => plan.personId[stage.identifiers.of[k]!]),
        },
        ids.length,
        opts,
      );
      t = lap('identifiers', t);

      const consents = childrenOf(stage.consents, wanted);
      await bulk.insertColumns(
        'consents',
        { ...who, recorded_by: actor.userId, recorded_by_label: actor.label },
        {
          ...pick(stage.consents.columns, consents),
          id: consents.map(() => uuidv7()),
          person_id: consents.map((k) => plan.personId[stage.consents.of[k]!]),
        },
        consents.length,
        opts,
      );
      t = lap('consents', t);

      const members = step.filter((i) => membershipOf.has(i));
      await bulk.insertColumns(
        'household_memberships',
        { ...who, recorded_by: actor.userId },
        {
          id: members.map(() => uuidv7()),
          household_id: members.map((i) => membershipOf.get(i)),
          person_id: members.map((i) => plan.personId[i]),
          relationship: members.map((i) => stage.relationship[i]),
        },
        members.length,
        opts,
      );
      t = lap('memberships', t);
      const done = from + step.length;
      input.progress(done, fresh.length, `${done} of ${fresh.length} people written`);
    }
    const keys = stage.person.search_keys as string[][];
    await bulk.addSearchTerms(actor.tenantId, searchTermsOf(fresh.map((i) => keys[i]!)));
    t = lap('terms', t);
    stopIfAsked();
    if (rebuild) input.progress(fresh.length, fresh.length, 'building the indexes again');
    await bulk.runStatements(restore);
    if (bulkGin) await bulk.mergeGinPendingLists(TABLES);
    t = lap('rebuild', t);

    const counts = {
      imported: fresh.length,
      alreadyPresent: plan.alreadyPresent,
      skippedInvalid: input.report.invalidRows,
      duplicatesInFile: input.report.duplicates.filter((d) => d.reason === 'same_row').length,
      households: plan.households.length,
    };
    await audit.recordAudit(
      {
        tenantId: actor.tenantId,
        actor,
        action: 'people.imported',
        entityType: 'people_import',
        entityId: imp.id,
        meta: { source: imp.source, fileName: imp.file_name, sha256: imp.sha256, ...counts },
      },
      trx,
    );
    const done = await r.updateImport(actor.tenantId, imp.id, ['importing'], {
      status: 'imported',
      counts: JSON.stringify(counts),
      report: JSON.stringify({ ...input.report, alreadyPresent: plan.alreadyPresent }),
      error: null,
    });
    if (!done) throw new AppError('CONFLICT', 'the import was changed meanwhile');
    // What was staged is in the registry now.
    await r.deleteStage(actor.tenantId, imp.id);
    lap('finish', t);
    return { counts, milliseconds: ms, rebuilt: rebuild, setChecks: checkAsSets };
  });
}
