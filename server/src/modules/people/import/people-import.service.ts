import { createHash } from 'node:crypto';
import { type ImportMapping, type ImportReport, importMapping, type PeopleImport } from '@oselia/contracts';
import type { Database } from '../../../db/database.ts';
import type { PeopleImportRow } from '../../../db/schema.ts';
import { AppError, notFound } from '../../../shared/app-error.ts';
import type { Crypto } from '../../../shared/crypto.ts';
import { uuidv7 } from '../../../shared/ids.ts';
import { keptValue } from '../../../shared/kept-value.ts';
import { type Actor, assertCan } from '../../access/access.policy.ts';
import type { AuditService } from '../../access/audit.service.ts';
import type { JobContext } from '../../jobs/jobs.runner.ts';
import type { JobsService } from '../../jobs/jobs.service.ts';
import type { PlacesService } from '../../places/places.service.ts';
import { createPeopleService } from '../people.service.ts';
import { type Analysis, analyseTable } from './people-import.analysis.ts';
import { checkInPieces, checkRows } from './people-import.check.ts';
import { detectFormat, type FileFormat, readTable, type Table, type TableRow } from './people-import.file.ts';
import { completeMappingOf, suggestMapping } from './people-import.headers.ts';
import { toPeopleImport, toSampleRows } from './people-import.mapper.ts';
import type { Present } from './people-import.plan.ts';
import { createCheckPool } from './people-import.pool.ts';
import { createPeopleImportRepository } from './people-import.repository.ts';
import { mappingHash, type StagedRows, type StagePins } from './people-import.stage.ts';
import { decodeStage, decodeStageInTurns, STAGE_FORMAT } from './people-import.stage-codec.ts';
import { createStageStore } from './people-import.stage-store.ts';
import { writeStage } from './people-import.write.ts';

export const PEOPLE_IMPORT_JOB = 'people.import';
export const MAX_IMPORT_ROWS = 200_000;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** How long the parsed table of the last upload is kept for its dry run, and its stage for the job. */
const KEEP_MS = 10 * 60_000;

export interface PeopleImportDeps {
  crypto: Crypto;
  audit: AuditService;
  places: Pick<PlacesService, 'knownPlaces'>;
  jobs: Pick<JobsService, 'enqueueJob' | 'getJob'>;
  /** The embedded database (one session): a large import may rebuild indexes instead of keeping them. */
  engine?: 'pglite' | 'postgres';
  /** Fewest new persons for which that rebuild is chosen (tests lower it). */
  rebuildFrom?: number;
  /** Fewest new persons for which foreign keys are checked as sets (tests lower it). */
  setChecksFrom?: number;
  /** Check large files on worker threads too: they need the key; `from` rows (tests lower it). */
  parallel?: { secretKeyHex: string; from?: number; workers?: number };
}

/** Fewest rows for which checking is spread over worker threads. */
const PARALLEL_FROM = 20_000;

export interface ImportJobPayload {
  importId: string;
  actor: Actor;
}

/** Why a job's signal was aborted: a shutdown puts the job back in the queue, anything else ends it. */
const stoppedByShutdown = (signal: AbortSignal) =>
  signal.aborted && (signal.reason as Error | undefined)?.message === 'shutdown';

export function createPeopleImportService(db: Database, deps: PeopleImportDeps) {
  const repo = createPeopleImportRepository(db);

  // P-codes are checked against a set loaded once per file, not with a query per row.
  let knownPlaces = new Set<string>();
  const cachedPlaces = { isKnownPlace: async (code: string) => knownPlaces.has(code) };
  // The same registration rules as a single person, with the place check going through the cache.
  const people = createPeopleService(db, { crypto: deps.crypto, audit: deps.audit, places: cachedPlaces });
  // Large files are checked on every core (worker threads with the same key and rules).
  const pool = deps.parallel ? createCheckPool(deps.parallel) : null;
  const parallelFrom = deps.parallel?.from ?? PARALLEL_FROM;
  // A fingerprint of the secret key (never the key): a stage encrypted under another key is stale.
  const keyCheck = deps.crypto.keyedHash('stage', 'people-import-stage');

  async function loadImport(actor: Actor, id: string) {
    assertCan(actor, 'people.import');
    const row = await repo.findImport(actor.tenantId, id);
    if (!row) throw notFound('import');
    return row;
  }

  // The table of the file uploaded last, for its dry run a moment later: a large file is then
  // parsed once. Used only while the stored bytes are the ones it was read from.
  const keptTable = keptValue<{ tenantId: string; id: string; contentDigest: string; table: Table }>(KEEP_MS);
  const stages = createStageStore(repo, KEEP_MS);

  /** The stored file, refused if its bytes no longer have the hash recorded at upload. */
  async function tableOf(
    imp: Pick<PeopleImportRow, 'tenant_id' | 'id' | 'format' | 'sha256'>,
  ): Promise<Table> {
    const kept = keptTable.get();
    if (kept && kept.tenantId === imp.tenant_id && kept.id === imp.id) {
      const { table, contentDigest } = kept;
      if ((await repo.contentDigest(imp.tenant_id, imp.id)) === contentDigest) return table;
      keptTable.set(null);
    }
    const content = await repo.findContent(imp.tenant_id, imp.id);
    if (!content) throw notFound('import');
    if (createHash('sha256').update(content).digest('hex') !== imp.sha256)
      throw new AppError('CONFLICT', 'the stored file does not match the file uploaded: upload it again');
    return readTable(content, imp.format);
  }

  async function findPresent(
    tenantId: string,
    source: string,
    keys: string[],
  ): Promise<Map<string, Present>> {
    return new Map((await repo.findByImportKeys(tenantId, source, keys)).map((p) => [p.import_key, p]));
  }

  async function analyse(
    actor: Actor,
    imp: PeopleImportRow | Omit<PeopleImportRow, 'content'>,
    onProgress?: (done: number, total: number) => Promise<void> | void,
  ): Promise<Analysis> {
    const mapping = completeMappingOf(imp.mapping, imp.columns as string[]);
    const table = await tableOf(imp);
    return analyseTable(
      {
        knownPlaces: (codes) => deps.places.knownPlaces(codes),
        checkRows: (task, known, rows, progress) => {
          knownPlaces = known;
          const inline = (r: TableRow[]) =>
            checkRows({ preparePerson: people.preparePerson, crypto: deps.crypto }, task, r);
          if (pool && rows.length >= parallelFrom) return pool.check(task, known, rows, inline, progress);
          return checkInPieces(rows, inline, progress);
        },
        findPresent,
      },
      actor,
      { source: imp.source, mapping, table },
      onProgress,
    );
  }

  /** What a stage of this import must be pinned to now. */
  async function currentPins(imp: Omit<PeopleImportRow, 'content'>): Promise<StagePins> {
    return {
      formatVersion: STAGE_FORMAT,
      fileSha256: imp.sha256,
      contentDigest: (await repo.contentDigest(imp.tenant_id, imp.id)) ?? '',
      mappingHash: mappingHash(completeMappingOf(imp.mapping, imp.columns as string[])),
      keyCheck,
    };
  }

  async function describe(row: Omit<PeopleImportRow, 'content'>): Promise<PeopleImport> {
    const job = row.job_id ? await deps.jobs.getJob(row.tenant_id, row.job_id).catch(() => null) : null;
    return toPeopleImport(row, job);
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
      const { contentDigest } = await repo.insertImport({
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
      keptTable.set({ tenantId: actor.tenantId, id, contentDigest, table });
      // Its dry run comes next: the workers start now.
      if (pool && table.rows.length >= parallelFrom) void pool.warm();
      return {
        importId: id,
        format,
        rowCount: table.rows.length,
        columns: table.columns,
        suggestedMapping: mapping,
        mappingSavedForSource: !!usable,
        sampleRows: toSampleRows(table),
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
      await repo.deleteStage(actor.tenantId, id);
      await repo.saveMapping(actor.tenantId, imp.source, mapping, actor.userId);
      return describe((await repo.findImport(actor.tenantId, id))!);
    },

    /**
     * Checks every row without importing anything; the report is kept with the import, and the
     * checked rows are staged for the import job.
     */
    async dryRun(actor: Actor, id: string): Promise<ImportReport> {
      const imp = await loadImport(actor, id);
      if (imp.status === 'importing' || imp.status === 'imported')
        throw new AppError('CONFLICT', `the import is ${imp.status} already`);
      const pins = await currentPins(imp);
      const analysis = await analyse(actor, imp);
      stages.forgetStage();
      // The stage is decoded for the job while the database stores it: the job can then start
      // writing at once, and this thread is idle meanwhile anyway.
      const stored = db.transaction().execute(async (trx) => {
        const r = createPeopleImportRepository(trx);
        const saved = await stages.saveStage(r, actor, id, pins, analysis);
        const updated = await r.updateImport(actor.tenantId, id, ['draft', 'validated', 'failed'], {
          status: 'validated',
          report: JSON.stringify(analysis.report),
          error: null,
        });
        if (!updated) throw new AppError('CONFLICT', 'the import was started meanwhile');
        return saved.createdAt;
      });
      const [createdAt, stage] = await Promise.all([stored, decodeStageInTurns(analysis.parts)]);
      stages.keepStage({ tenantId: actor.tenantId, id, pins, createdAt, stage });
      return analysis.report;
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

    /**
     * The job: takes the rows the dry run checked (or checks them again when that stage no longer
     * holds), then writes every new person in one transaction.
     */
    async runImport(ctx: JobContext<ImportJobPayload>) {
      const { importId, actor } = ctx.payload;
      const imp = await repo.findImport(actor.tenantId, importId);
      if (!imp) throw new AppError('NOT_FOUND', 'the import no longer exists');
      if (imp.status === 'imported') return imp.counts;
      if (imp.status !== 'importing') throw new AppError('CONFLICT', `the import is ${imp.status}`);
      try {
        return await importRows(actor, imp, ctx);
      } catch (error) {
        // A shutdown puts the job back in the queue: the import stays as it is and resumes.
        if (stoppedByShutdown(ctx.signal)) throw error;
        const message = ctx.signal.aborted
          ? 'the import was cancelled; nothing was imported'
          : error instanceof AppError
            ? error.message
            : 'the import failed; nothing was imported';
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
    const total = imp.row_count;
    const phases: Record<string, number> = {};
    let report = imp.report as ImportReport;
    const pins = await currentPins(imp);
    let staged: { stage: StagedRows; invalidRows: number[] } | null = await stages.findFreshStage(imp, pins);
    phases.stage = Math.round(performance.now() - started);
    if (!staged) {
      // No stage, or one made for another file, mapping, key or layout: the dry run again, kept
      // as the stage so that a restart does not check the rows a third time.
      await ctx.progress(0, total, 'checking the rows again');
      const analysis = await analyse(actor, imp, async (done) => {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        await ctx.progress(0, total, `checking the rows again: ${done} of ${total}`);
      });
      await stages.saveStage(repo, actor, imp.id, pins, analysis);
      staged = { stage: decodeStage(analysis.parts), invalidRows: analysis.invalidRows };
      report = analysis.report;
      phases.check = Math.round(performance.now() - started) - phases.stage;
    }
    if (report.invalidRows > 0 && !imp.skip_invalid_rows)
      throw new AppError('CONFLICT', `${report.invalidRows} rows are not valid; nothing was imported`);
    if (ctx.signal.aborted) throw ctx.signal.reason;

    const written = performance.now();
    const result = await writeStage(db, deps.audit, {
      actor,
      imp,
      stage: staged.stage,
      report: {
        ...report,
        ...(staged.invalidRows.length > 0 ? { skippedRows: staged.invalidRows } : {}),
      },
      signal: ctx.signal,
      singleSession: deps.engine === 'pglite',
      ...(deps.rebuildFrom !== undefined ? { rebuildFrom: deps.rebuildFrom } : {}),
      ...(deps.setChecksFrom !== undefined ? { setChecksFrom: deps.setChecksFrom } : {}),
      progress: (done, of, message) =>
        // Not awaited: on the embedded database the transaction holds the only connection.
        void ctx.progress(done, of, message).catch(() => {}),
    });
    if (keptTable.get()?.id === imp.id) keptTable.set(null);
    stages.forgetStage(imp.id);
    Object.assign(phases, result.milliseconds);
    phases.write = Math.round(performance.now() - written);
    await ctx.progress(
      total,
      total,
      `${result.counts.imported} people imported, ${result.counts.alreadyPresent} already present`,
    );
    // Kept in the job's result: where the time went, in milliseconds.
    return {
      ...result.counts,
      indexesRebuilt: result.rebuilt,
      foreignKeysCheckedAsSets: result.setChecks,
      milliseconds: { ...phases, total: Math.round(performance.now() - started) },
    };
  }
}

export type PeopleImportService = ReturnType<typeof createPeopleImportService>;
