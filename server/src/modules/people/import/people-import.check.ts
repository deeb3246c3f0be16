import {
  createPersonBody,
  type ImportMapping,
  type ImportRowError,
  type relationship as relationshipEnum,
} from '@oselia/contracts';
import type { z } from 'zod';
import { AppError } from '../../../shared/app-error.ts';
import type { Crypto } from '../../../shared/crypto.ts';
import type { Actor } from '../../access/access.policy.ts';
import type { PeopleService } from '../people.service.ts';
import type { TableRow } from './people-import.file.ts';
import {
  type CompiledMapping,
  columnOfField,
  compileMapping,
  mapRow,
  rowIdentity,
} from './people-import.mapping.ts';
import { emptyStage, type StagedRows, stagedCount, stageRow } from './people-import.stage.ts';
import { encodeStage, STAGE_PART_ROWS } from './people-import.stage-codec.ts';

/**
 * Each row on its own through the registration rules: the cells mapped to a person as the form
 * would send it, the form's schema, then the people service's checks and preparation (names in
 * Latin and their search keys, phones, places, identifiers encrypted with their keyed hashes), and
 * the row's import key. A valid row goes into a stage. Rows do not depend on each other here, so a
 * file can be checked in pieces, side by side (see people-import.pool.ts); what needs the whole
 * file (repeated rows among them) comes after.
 */

type Prepared = Awaited<ReturnType<PeopleService['preparePerson']>>;

export interface CheckDeps {
  preparePerson: (actor: Actor, input: Parameters<PeopleService['preparePerson']>[1]) => Promise<Prepared>;
  crypto: Pick<Crypto, 'keyedHash'>;
}

/** What every piece of one file is checked with. */
export interface CheckTask {
  actor: Actor;
  /** The source the file comes from: part of every import key. */
  source: string;
  mapping: ImportMapping;
  columns: string[];
}

/** The key that recognises a row of a source when the same file (or record) comes again. */
export const importKeyOf = (crypto: Pick<Crypto, 'keyedHash'>, source: string, identity: string) =>
  crypto.keyedHash(`${source}\u0000${identity}`, 'people-import');

/** One row's outcome. */
export interface RowCheck {
  importKey: string;
  householdKey: string | null;
  relationship: z.infer<typeof relationshipEnum> | null;
  errors: ImportRowError[];
  /** Its index in the stage, or -1 when it is not valid. */
  staged: number;
}

export interface CheckedRows {
  checks: RowCheck[];
  stage: StagedRows;
}

/** Checked rows with their stage as stored text (see encodeStage), as a file's check returns it. */
export interface CheckedFile {
  checks: RowCheck[];
  parts: string[];
}

/** Checks rows and gives each its import key. */
export async function checkRows(
  deps: CheckDeps,
  task: CheckTask,
  rows: TableRow[],
  plan: CompiledMapping = compileMapping(task.mapping, task.columns),
): Promise<CheckedRows> {
  const { mapping, actor } = task;
  const stage = emptyStage();
  const checks: RowCheck[] = [];
  for (const tr of rows) {
    const importKey = importKeyOf(deps.crypto, task.source, rowIdentity(tr.cells, plan));
    const mapped = mapRow(tr.cells, plan);
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
      staged = stagedCount(stage);
      stageRow(
        stage,
        {
          row: tr.row,
          importKey,
          householdKey: mapped.householdKey,
          relationship: mapped.relationship,
        },
        prepared,
      );
    }
    checks.push({
      importKey,
      householdKey: mapped.householdKey,
      relationship: mapped.relationship,
      errors,
      staged,
    });
  }
  return { checks, stage };
}

/**
 * Appends a piece's checks to the file's, their stage indexes moved on by `offset`; returns how many
 * of them are staged. In place: a piece's checks are its own (copying 100,000 of them cost more).
 */
export function appendPieceChecks(into: RowCheck[], piece: RowCheck[], offset: number): number {
  let staged = 0;
  for (const c of piece) {
    if (c.staged >= 0) {
      c.staged += offset;
      staged++;
    }
    into.push(c);
  }
  return staged;
}

/** Checks rows a piece at a time on this thread, reporting progress between pieces. */
export async function checkInPieces(
  rows: TableRow[],
  check: (rows: TableRow[]) => Promise<CheckedRows>,
  onProgress?: (done: number) => Promise<void> | void,
): Promise<CheckedFile> {
  const checks: RowCheck[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let from = 0; from < rows.length; from += STAGE_PART_ROWS) {
    const piece = await check(rows.slice(from, from + STAGE_PART_ROWS));
    appendPieceChecks(checks, piece.checks, offset);
    offset += piece.stage.row.length;
    // A piece is one stored part: no more rows than a part holds.
    parts.push(...encodeStage(piece.stage));
    await onProgress?.(from + piece.checks.length);
  }
  return { checks, parts };
}
