import { type ImportReport, importMapping, type Job, type PeopleImport } from '@oselia/contracts';
import type { PeopleImportRow } from '../../../db/schema.ts';
import { iso } from '../../../shared/iso.ts';
import type { Table } from './people-import.file.ts';

/** Characters of a cell shown as an example beside the mapping: enough to recognise a column. */
const SAMPLE_CELL_CHARS = 200;

/** The file's first rows as examples for the mapping step, each cell cut to a readable length. */
export function toSampleRows(table: Table, rows = 5): Record<string, string>[] {
  return table.rows.slice(0, rows).map((r) =>
    Object.fromEntries(
      table.columns.map((c, i) => {
        const cell = r.cells[i] ?? '';
        return [c, cell.length > SAMPLE_CELL_CHARS ? `${cell.slice(0, SAMPLE_CELL_CHARS)}…` : cell];
      }),
    ),
  );
}

/** An import as the API shows it, with its job (null when it has none or it cannot be read). */
export function toPeopleImport(row: Omit<PeopleImportRow, 'content'>, job: Job | null): PeopleImport {
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
