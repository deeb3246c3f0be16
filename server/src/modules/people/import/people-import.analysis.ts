import {
  createPersonBody,
  type ImportMapping,
  type ImportReport,
  type ImportRowError,
} from '@oselia/contracts';
import { AppError } from '../../../shared/app-error.ts';
import type { Crypto } from '../../../shared/crypto.ts';
import type { Actor } from '../../access/access.policy.ts';
import type { PeopleService } from '../people.service.ts';
import type { Table } from './people-import.file.ts';
import { columnOfField, compileMapping, type MappedRow, mapRow } from './people-import.mapping.ts';
import type { Present } from './people-import.plan.ts';
import { emptyStage, keepRows, type StagedRows, stagedCount, stageRow } from './people-import.stage.ts';

/** Errors kept in a report; the count says how many there were in all. */
const MAX_REPORTED_ERRORS = 10_000;

type Prepared = Awaited<ReturnType<PeopleService['preparePerson']>>;

export interface AnalysisDeps {
  crypto: Pick<Crypto, 'keyedHash'>;
  /** The registration rules of a single person (places checked against `knownPlaces`). */
  preparePerson: (actor: Actor, input: Parameters<PeopleService['preparePerson']>[1]) => Promise<Prepared>;
  /** Loads the P-codes of the file that exist, before the rows are checked. */
  preloadPlaces: (codes: Iterable<string>) => Promise<void>;
  /** Persons an earlier import brought in under these import keys. */
  findPresent: (tenantId: string, source: string, importKeys: string[]) => Promise<Map<string, Present>>;
}

export interface Analysis {
  report: ImportReport;
  /** The valid rows, checked and prepared, for the job to write. */
  stage: StagedRows;
  /** Row numbers of the rows that are not valid. */
  invalidRows: number[];
}

/** What the file-level checks need of a row; its prepared person went into the stage already. */
interface RowResult {
  row: number;
  householdKey: string | null;
  relationship: MappedRow['relationship'];
  importKey: string;
  errors: ImportRowError[];
  present: Present | null;
  /** Its index in the stage while it is valid. */
  staged: number;
}

/** The key that recognises a row of a source when the same file (or record) comes again. */
export const importKeyOf = (crypto: Pick<Crypto, 'keyedHash'>, source: string, identity: string) =>
  crypto.keyedHash(`${source}\u0000${identity}`, 'people-import');

/**
 * Every row through the registration rules, then the checks that need the whole file: repeated
 * rows, shared documents, households with one head, rows imported before.
 */
export async function analyseTable(
  deps: AnalysisDeps,
  actor: Actor,
  input: { source: string; mapping: ImportMapping; table: Table },
  onProgress?: (done: number, total: number) => Promise<void> | void,
): Promise<Analysis> {
  const { source, mapping, table } = input;
  const plan = compileMapping(mapping, table.columns);
  const placeColumns = [plan.index.originPcode, plan.index.currentPcode].filter(
    (i): i is number => i !== undefined,
  );
  const codes = new Set<string>();
  for (const r of table.rows)
    for (const i of placeColumns) codes.add((r.cells[i] ?? '').trim().toUpperCase());
  await deps.preloadPlaces(codes);

  const stage = emptyStage();
  const rows: RowResult[] = [];
  const duplicates: ImportReport['duplicates'] = [];
  const firstByKey = new Map<string, number>();
  const firstByDocument = new Map<string, number>();
  for (const [n, tr] of table.rows.entries()) {
    if (onProgress && n % 5000 === 0) await onProgress(n, table.rows.length);
    const mapped = mapRow(tr.cells, plan);
    const importKey = importKeyOf(deps.crypto, source, mapped.identity);
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
        prepared = await deps.preparePerson(actor, parsed.data);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
        const fields = (error.details as { fields?: { field: string; message: string }[] })?.fields ?? [];
        for (const f of fields) {
          if (failed.has(f.field.split('.')[0]!)) continue;
          errors.push({ row: tr.row, column: columnOfField(f.field, mapped, mapping), message: f.message });
        }
      }
    }
    let staged = -1;
    if (prepared && errors.length === 0) {
      for (const id of prepared.identifiers) {
        const first = firstByDocument.get(id.value_hash);
        if (first === undefined) firstByDocument.set(id.value_hash, tr.row);
        else duplicates.push({ row: tr.row, sameAsRow: first, reason: 'same_identifier' });
      }
      staged = stagedCount(stage);
      stageRow(
        stage,
        { row: tr.row, importKey, householdKey: mapped.householdKey, relationship: mapped.relationship },
        prepared,
      );
    }
    rows.push({
      row: tr.row,
      householdKey: mapped.householdKey,
      relationship: mapped.relationship,
      importKey,
      errors,
      present: null,
      staged,
    });
  }

  // Rows an earlier import of this source brought in already: one look-up for the whole file.
  const valid = rows.filter((r) => r.errors.length === 0);
  const present = await deps.findPresent(
    actor.tenantId,
    source,
    valid.map((r) => r.importKey),
  );
  for (const r of valid) r.present = present.get(r.importKey) ?? null;

  // A household is the rows sharing a key: exactly one head among them (or one imported before).
  const groups = new Map<string, RowResult[]>();
  for (const r of rows) {
    const key = r.householdKey;
    if (key === null) continue;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  const relColumn = mapping.relationship ?? null;
  for (const [key, group] of groups) {
    const ok = group.filter((r) => r.errors.length === 0);
    const heads = ok.filter((r) => r.relationship === 'head');
    const knownHousehold = ok.some((r) => r.present?.household_id);
    if (heads.length === 1 || (heads.length === 0 && knownHousehold)) continue;
    for (const r of ok) {
      const message =
        heads.length > 1
          ? `household "${key}" has ${heads.length} rows marked as head (rows ${heads.map((h) => h.row).join(', ')})`
          : `household "${key}" has no valid row marked as head`;
      r.errors.push({ row: r.row, column: relColumn, message });
    }
  }

  const invalidRows: number[] = [];
  const allErrors: ImportRowError[] = [];
  const households = new Set<string>();
  const keep = new Array<boolean>(stagedCount(stage)).fill(false);
  let alreadyPresent = 0;
  for (const r of rows) {
    if (r.errors.length > 0) {
      invalidRows.push(r.row);
      for (const e of r.errors) allErrors.push(e);
      continue;
    }
    if (r.present) alreadyPresent++;
    if (r.householdKey !== null) households.add(r.householdKey);
    keep[r.staged] = true;
  }
  const report: ImportReport = {
    validatedAt: new Date().toISOString(),
    totalRows: table.rows.length,
    validRows: rows.length - invalidRows.length,
    invalidRows: invalidRows.length,
    alreadyPresent,
    households: households.size,
    errors: allErrors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: allErrors.length,
    duplicates,
  };
  return { report, stage: keepRows(stage, keep), invalidRows };
}
