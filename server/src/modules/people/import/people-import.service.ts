import { createHash } from 'node:crypto';
import {
  createPersonBody,
  type ImportMapping,
  type ImportReport,
  type ImportRowError,
  importMapping,
  type PeopleImport,
} from '@oselia/contracts';
import type { Insertable } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type {
  HouseholdMembershipsTable,
  HouseholdsTable,
  PeopleImportRow,
  PersonsTable,
} from '../../../db/schema.ts';
import { AppError, notFound } from '../../../shared/app-error.ts';
import type { Crypto } from '../../../shared/crypto.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { type Actor, assertCan } from '../../access/access.policy.ts';
import type { AuditService } from '../../access/audit.service.ts';
import type { JobContext } from '../../jobs/jobs.runner.ts';
import type { JobsService } from '../../jobs/jobs.service.ts';
import type { PlacesService } from '../../places/places.service.ts';
import { createPeopleService } from '../people.service.ts';
import { detectFormat, type FileFormat, readTable, type Table } from './people-import.file.ts';
import {
  checkMapping,
  columnOfField,
  compileMapping,
  type MappedRow,
  mapRow,
  suggestMapping,
} from './people-import.mapping.ts';
import { createPeopleImportRepository, INSERT_BATCH } from './people-import.repository.ts';

export const PEOPLE_IMPORT_JOB = 'people.import';
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Errors kept in a report; the count says how many there were in all. */
const MAX_REPORTED_ERRORS = 10_000;

export interface PeopleImportDeps {
  crypto: Crypto;
  audit: AuditService;
  places: Pick<PlacesService, 'knownPlaces'>;
  jobs: Pick<JobsService, 'enqueueJob' | 'getJob'>;
}

export interface ImportJobPayload {
  importId: string;
  actor: Actor;
}

type Prepared = Awaited<ReturnType<ReturnType<typeof createPeopleService>['preparePerson']>>;

interface AnalysedRow {
  row: number;
  mapped: MappedRow;
  importKey: string;
  prepared: Prepared | null;
  errors: ImportRowError[];
  /** Already in the registry from an earlier import. */
  present: { id: string; household_id: string | null } | null;
}

interface Analysis {
  rows: AnalysedRow[];
  report: ImportReport;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function createPeopleImportService(db: Database, deps: PeopleImportDeps) {
  const repo = createPeopleImportRepository(db);

  // P-codes are checked against a set loaded once per file, not with a query per row.
  let knownPlaces = new Set<string>();
  const cachedPlaces = { isKnownPlace: async (code: string) => knownPlaces.has(code) };
  async function preloadPlaces(codes: Iterable<string>) {
    const distinct = [...new Set(codes)].filter((c) => c !== '');
    knownPlaces = await deps.places.knownPlaces(distinct);
  }
  // The same registration rules as a single person, with the place check going through the cache.
  const people = createPeopleService(db, { crypto: deps.crypto, audit: deps.audit, places: cachedPlaces });

  async function loadImport(actor: Actor, id: string) {
    assertCan(actor, 'people.import');
    const row = await repo.findImport(actor.tenantId, id);
    if (!row) throw notFound('import');
    return row;
  }

  async function tableOf(imp: Pick<PeopleImportRow, 'tenant_id' | 'id' | 'format'>): Promise<Table> {
    const content = await repo.findContent(imp.tenant_id, imp.id);
    if (!content) throw notFound('import');
    return readTable(content, imp.format);
  }

  function mappingOf(imp: Pick<PeopleImportRow, 'mapping' | 'columns'>): ImportMapping {
    const mapping = importMapping.parse(imp.mapping ?? {});
    const problems = checkMapping(mapping, imp.columns as string[]);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', 'the column mapping is not complete', {
        fields: problems.map((p) => {
          const [field, ...rest] = p.split(': ');
          return { field: `mapping.${field}`, message: rest.join(': ') };
        }),
      });
    }
    return mapping;
  }

  /**
   * Every row through the registration rules, then the checks that need the whole file:
   * repeated rows, shared documents, households with one head, rows imported before.
   */
  async function analyse(
    actor: Actor,
    imp: Pick<PeopleImportRow, 'source' | 'mapping' | 'columns'>,
    table: Table,
    onProgress?: (done: number, total: number) => Promise<void> | void,
  ): Promise<Analysis> {
    const mapping = mappingOf(imp);
    const plan = compileMapping(mapping, table.columns);
    const placeColumns = [plan.index.originPcode, plan.index.currentPcode].filter(
      (i): i is number => i !== undefined,
    );
    await preloadPlaces(
      table.rows.flatMap((r) => placeColumns.map((i) => (r.cells[i] ?? '').trim().toUpperCase())),
    );

    const rows: AnalysedRow[] = [];
    const duplicates: ImportReport['duplicates'] = [];
    const firstByKey = new Map<string, number>();
    const firstByDocument = new Map<string, number>();
    for (const [n, tr] of table.rows.entries()) {
      if (onProgress && n % 5000 === 0) await onProgress(n, table.rows.length);
      const mapped = mapRow(tr.cells, plan);
      const importKey = deps.crypto.keyedHash(`${imp.source}\u0000${mapped.identity}`, 'people-import');
      const seen = firstByKey.get(importKey);
      if (seen !== undefined) {
        duplicates.push({ row: tr.row, sameAsRow: seen, reason: 'same_row' });
        continue;
      }
      firstByKey.set(importKey, tr.row);
      const errors: ImportRowError[] = mapped.problems.map((p) => ({ row: tr.row, ...p }));
      let prepared: Prepared | null = null;
      let parsed = createPersonBody.safeParse(mapped.input);
      const failed = new Set<string>();
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.join('.');
          failed.add(String(issue.path[0]));
          errors.push({ row: tr.row, column: columnOfField(path, mapped, mapping), message: issue.message });
        }
        // Set the fields that failed their shape aside, so the other rules still report on the rest.
        const rest: Record<string, unknown> = { ...mapped.input };
        for (const f of failed) {
          if (f === 'familyName' || f === 'givenName') rest[f] = 'X';
          else delete rest[f];
        }
        parsed = createPersonBody.safeParse(rest);
      }
      if (parsed.success) {
        try {
          prepared = await people.preparePerson(actor, parsed.data);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
          const fields = (error.details as { fields?: { field: string; message: string }[] })?.fields ?? [];
          for (const f of fields) {
            if (failed.has(f.field.split('.')[0]!)) continue;
            errors.push({ row: tr.row, column: columnOfField(f.field, mapped, mapping), message: f.message });
          }
        }
      }
      if (errors.length > 0) prepared = null;
      if (prepared) {
        for (const id of prepared.identifiers) {
          const first = firstByDocument.get(id.value_hash);
          if (first === undefined) firstByDocument.set(id.value_hash, tr.row);
          else duplicates.push({ row: tr.row, sameAsRow: first, reason: 'same_identifier' });
        }
      }
      rows.push({ row: tr.row, mapped, importKey, prepared, errors, present: null });
    }

    // Rows an earlier import of this source brought in already.
    const valid = rows.filter((r) => r.errors.length === 0);
    const present = new Map(
      (
        await repo.findByImportKeys(
          actor.tenantId,
          valid.map((r) => r.importKey),
        )
      ).map((p) => [p.import_key, p]),
    );
    for (const r of valid) r.present = present.get(r.importKey) ?? null;

    // A household is the rows sharing a key: exactly one head among them (or one imported before).
    const groups = new Map<string, AnalysedRow[]>();
    for (const r of rows) {
      const key = r.mapped.householdKey;
      if (key === null) continue;
      const g = groups.get(key);
      if (g) g.push(r);
      else groups.set(key, [r]);
    }
    const relColumn = mapping.relationship ?? null;
    for (const [key, group] of groups) {
      const ok = group.filter((r) => r.errors.length === 0);
      const heads = ok.filter((r) => r.mapped.relationship === 'head');
      const knownHousehold = ok.some((r) => r.present?.household_id);
      if (heads.length === 1 || (heads.length === 0 && knownHousehold)) continue;
      for (const r of ok) {
        const message =
          heads.length > 1
            ? `household "${key}" has ${heads.length} rows marked as head (rows ${heads.map((h) => h.row).join(', ')})`
            : `household "${key}" has no valid row marked as head`;
        r.errors.push({ row: r.row, column: relColumn, message });
        r.prepared = null;
      }
    }

    const invalid = rows.filter((r) => r.errors.length > 0);
    const allErrors = invalid.flatMap((r) => r.errors);
    const validRows = rows.length - invalid.length;
    const households = new Set(
      rows
        .filter((r) => r.errors.length === 0 && r.mapped.householdKey !== null)
        .map((r) => r.mapped.householdKey),
    ).size;
    const report: ImportReport = {
      validatedAt: new Date().toISOString(),
      totalRows: table.rows.length,
      validRows,
      invalidRows: invalid.length,
      alreadyPresent: rows.filter((r) => r.errors.length === 0 && r.present).length,
      households,
      errors: allErrors.slice(0, MAX_REPORTED_ERRORS),
      errorCount: allErrors.length,
      duplicates,
    };
    return { rows, report };
  }

  async function describe(
    row: NonNullable<Awaited<ReturnType<typeof repo.findImport>>>,
  ): Promise<PeopleImport> {
    const job = row.job_id ? await deps.jobs.getJob(row.tenant_id, row.job_id).catch(() => null) : null;
    // A job that died without telling the import (a crash past its retries) fails the import too.
    const status =
      row.status === 'importing' && job && (job.status === 'failed' || job.status === 'cancelled')
        ? 'failed'
        : row.status;
    return {
      id: row.id,
      source: row.source,
      fileName: row.file_name,
      format: row.format,
      sha256: row.sha256,
      sizeBytes: row.size_bytes,
      rowCount: row.row_count,
      columns: row.columns as string[],
      status,
      mapping: row.mapping ? importMapping.parse(row.mapping) : null,
      report: (row.report as ImportReport | null) ?? null,
      counts: (row.counts as PeopleImport['counts']) ?? null,
      skipInvalidRows: row.skip_invalid_rows,
      error: row.error ?? (status === 'failed' && job ? job.error : null),
      job,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    };
  }

  return {
    /** Stores an uploaded file and proposes how its columns map to a person. */
    async uploadImport(actor: Actor, input: { source: string; fileName: string; content: Buffer }) {
      assertCan(actor, 'people.import');
      if (input.content.length > MAX_IMPORT_BYTES)
        throw new AppError('PAYLOAD_TOO_LARGE', 'the file is larger than 50 MB: split it');
      const format: FileFormat = detectFormat(input.content);
      const table = readTable(input.content, format);
      if (table.rows.length > MAX_IMPORT_ROWS)
        throw new AppError(
          'UNPROCESSABLE',
          `the file has ${table.rows.length} rows; at most ${MAX_IMPORT_ROWS} go in one import: split it`,
        );
      const saved = await repo.findMapping(actor.tenantId, input.source);
      const savedMapping = saved ? importMapping.safeParse(saved) : null;
      // A saved mapping is reused only when the file still has every column it names.
      const usable =
        savedMapping?.success &&
        Object.values(savedMapping.data).every((c) => c === undefined || table.columns.includes(c));
      const mapping = usable ? savedMapping.data : suggestMapping(table.columns);
      const id = uuidv7();
      await repo.insertImport({
        tenant_id: actor.tenantId,
        id,
        source: input.source,
        file_name: input.fileName,
        format,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        size_bytes: input.content.length,
        content: input.content,
        columns: JSON.stringify(table.columns),
        row_count: table.rows.length,
        status: 'draft',
        mapping: JSON.stringify(mapping),
        created_by: actor.userId,
      });
      return {
        importId: id,
        format,
        rowCount: table.rows.length,
        columns: table.columns,
        suggestedMapping: mapping,
        mappingSavedForSource: !!usable,
        sampleRows: table.rows
          .slice(0, 5)
          .map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r.cells[i] ?? '']))),
      };
    },

    /** Sets the mapping for this file and remembers it for the source; an earlier report no longer holds. */
    async setMapping(actor: Actor, id: string, mapping: ImportMapping) {
      const imp = await loadImport(actor, id);
      const columns = imp.columns as string[];
      const missing = Object.entries(mapping).filter(([, c]) => c !== undefined && !columns.includes(c));
      if (missing.length > 0) {
        throw new AppError('VALIDATION_FAILED', 'the mapping names columns the file does not have', {
          fields: missing.map(([f, c]) => ({ field: f, message: `no column "${c}" in the file` })),
        });
      }
      const updated = await repo.updateImport(actor.tenantId, id, ['draft', 'validated', 'failed'], {
        mapping: JSON.stringify(mapping),
        status: 'draft',
        report: null,
        error: null,
      });
      if (!updated)
        throw new AppError('CONFLICT', `the import is ${imp.status}: its mapping can no longer change`);
      await repo.saveMapping(actor.tenantId, imp.source, mapping, actor.userId);
      return describe((await repo.findImport(actor.tenantId, id))!);
    },

    /** Checks every row without importing anything; the report is kept with the import. */
    async dryRun(actor: Actor, id: string): Promise<ImportReport> {
      const imp = await loadImport(actor, id);
      if (imp.status === 'importing' || imp.status === 'imported')
        throw new AppError('CONFLICT', `the import is ${imp.status} already`);
      const { report } = await analyse(actor, imp, await tableOf(imp));
      await repo.updateImport(actor.tenantId, id, ['draft', 'validated', 'failed'], {
        status: 'validated',
        report: JSON.stringify(report),
        error: null,
      });
      return report;
    },

    /**
     * Starts the import as a durable job. A file with invalid rows is refused unless the caller
     * chooses to skip them.
     */
    async startImport(actor: Actor, id: string, opts: { skipInvalidRows: boolean }) {
      const imp = await loadImport(actor, id);
      if (imp.status === 'importing' || imp.status === 'imported')
        throw new AppError('CONFLICT', `the import is ${imp.status} already`);
      const report = imp.report as ImportReport | null;
      if (imp.status !== 'validated' || !report)
        throw new AppError('CONFLICT', 'check the file first (dry run), then start the import');
      if (report.invalidRows > 0 && !opts.skipInvalidRows) {
        throw new AppError(
          'CONFLICT',
          `${report.invalidRows} rows are not valid: fix the file and upload it again, or skip those rows`,
          { invalidRows: report.invalidRows, errorCount: report.errorCount },
        );
      }
      const claimed = await repo.updateImport(actor.tenantId, id, ['validated'], {
        status: 'importing',
        skip_invalid_rows: opts.skipInvalidRows,
        error: null,
      });
      if (!claimed) throw new AppError('CONFLICT', 'the import was started meanwhile');
      const mapping = importMapping.parse(imp.mapping ?? {});
      await repo.saveMapping(actor.tenantId, imp.source, mapping, actor.userId);
      const payload: ImportJobPayload = { importId: id, actor };
      const job = await deps.jobs.enqueueJob(actor.tenantId, PEOPLE_IMPORT_JOB, payload, {
        createdBy: actor.userId,
        total: report.totalRows,
      });
      await repo.updateImport(actor.tenantId, id, ['importing'], { job_id: job.id });
      return { importId: id, jobId: job.id };
    },

    async getImport(actor: Actor, id: string): Promise<PeopleImport> {
      return describe(await loadImport(actor, id));
    },

    /** The job: checks the file again, then writes every new person in one transaction. */
    async runImport(ctx: JobContext<ImportJobPayload>) {
      const { importId, actor } = ctx.payload;
      const imp = await repo.findImport(actor.tenantId, importId);
      if (!imp) throw new AppError('NOT_FOUND', 'the import no longer exists');
      if (imp.status === 'imported') return imp.counts;
      try {
        return await importRows(actor, imp, ctx);
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'the import failed; nothing was imported';
        await repo.updateImport(actor.tenantId, importId, ['importing'], {
          status: 'failed',
          error: message,
        });
        throw error instanceof AppError ? error : new AppError('INTERNAL', message);
      }
    },
  };

  async function importRows(
    actor: Actor,
    imp: Omit<PeopleImportRow, 'content'>,
    ctx: JobContext<ImportJobPayload>,
  ) {
    const started = performance.now();
    const table = await tableOf(imp);
    const total = table.rows.length;
    await ctx.progress(0, total, 'checking the rows');
    const { rows, report } = await analyse(actor, imp, table, (done) =>
      ctx.progress(0, total, `checking the rows: ${done} of ${total}`),
    );
    if (report.invalidRows > 0 && !imp.skip_invalid_rows)
      throw new AppError('CONFLICT', `${report.invalidRows} rows are not valid; nothing was imported`);

    const fresh = rows.filter((r) => r.prepared && !r.present);
    const byKey = new Map<string, AnalysedRow[]>();
    for (const r of rows) {
      if (!r.prepared || r.mapped.householdKey === null) continue;
      const g = byKey.get(r.mapped.householdKey);
      if (g) g.push(r);
      else byKey.set(r.mapped.householdKey, [r]);
    }
    const households: Insertable<HouseholdsTable>[] = [];
    const memberships: Insertable<HouseholdMembershipsTable>[] = [];
    for (const group of byKey.values()) {
      const newcomers = group.filter((r) => !r.present);
      if (newcomers.length === 0) continue;
      let householdId = group.find((r) => r.present?.household_id)?.present?.household_id ?? null;
      if (!householdId) {
        householdId = uuidv7();
        const head = group.find((r) => r.mapped.relationship === 'head')!;
        households.push({
          tenant_id: actor.tenantId,
          id: householdId,
          address: null,
          current_pcode: head.prepared!.row.current_pcode,
          head_person_id: head.prepared!.row.id,
          registered_by_org: actor.organisationId,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
      }
      for (const r of newcomers) {
        r.prepared!.row.household_id = householdId;
        r.prepared!.row.relationship_to_head = r.mapped.relationship;
        memberships.push({
          tenant_id: actor.tenantId,
          id: uuidv7(),
          household_id: householdId,
          person_id: r.prepared!.row.id,
          relationship: r.mapped.relationship!,
          recorded_by: actor.userId,
        });
      }
    }

    const persons: Insertable<PersonsTable>[] = fresh.map((r) => ({
      ...r.prepared!.row,
      import_key: r.importKey,
    }));
    const identifiers = fresh.flatMap((r) => r.prepared!.identifiers);
    const consents = fresh.flatMap((r) => r.prepared!.consents);
    const counts = {
      imported: persons.length,
      alreadyPresent: report.alreadyPresent,
      skippedInvalid: report.invalidRows,
      duplicatesInFile: report.duplicates.filter((d) => d.reason === 'same_row').length,
      households: households.length,
    };
    const finalReport: ImportReport = {
      ...report,
      ...(report.invalidRows > 0
        ? { skippedRows: rows.filter((r) => r.errors.length > 0).map((r) => r.row) }
        : {}),
    };

    const checked = performance.now();
    const phases: Record<string, number> = {};
    const lap = (name: string, since: number) => {
      phases[name] = Math.round(performance.now() - since);
      return performance.now();
    };
    // All or nothing: one transaction for the whole file.
    await db.transaction().execute(async (trx) => {
      const r = createPeopleImportRepository(trx);
      let t = performance.now();
      await r.insertHouseholds(households);
      t = lap('households', t);
      for (let i = 0; i < persons.length; i += INSERT_BATCH) {
        await r.insertPersons(persons.slice(i, i + INSERT_BATCH));
        const done = Math.min(i + INSERT_BATCH, persons.length);
        // Not awaited: on the embedded database the transaction holds the only connection.
        void ctx
          .progress(done, persons.length, `${done} of ${persons.length} people written`)
          .catch(() => {});
      }
      t = lap('persons', t);
      await r.insertIdentifiers(identifiers);
      t = lap('identifiers', t);
      await r.insertConsents(consents);
      t = lap('consents', t);
      await r.insertMemberships(memberships);
      t = lap('memberships', t);
      await deps.audit.recordAudit(
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
        report: JSON.stringify(finalReport),
        error: null,
      });
      if (!done) throw new AppError('CONFLICT', 'the import was changed meanwhile');
    });
    await ctx.progress(
      total,
      total,
      `${counts.imported} people imported, ${counts.alreadyPresent} already present`,
    );
    // Kept in the job's result: where the time went, in milliseconds.
    return {
      ...counts,
      milliseconds: {
        check: Math.round(checked - started),
        write: Math.round(performance.now() - checked),
        ...phases,
      },
    };
  }
}

export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
