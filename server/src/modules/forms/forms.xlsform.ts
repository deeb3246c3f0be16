import type { FormDefinition, FormProblem } from '@oselia/contracts';
import { sheetRows, xlsFormToDefinition } from '@oselia/forms';
import { AppError } from '../../shared/app-error.ts';
import { XlsxError, XlsxWorkbook } from '../../shared/xlsx.ts';

export type XlsFormImport =
  | { ok: true; definition: FormDefinition; ignoredRows: { row: number; type: string }[] }
  | { ok: false; problems: FormProblem[] };

/** A workbook's sheet as XLSForm rows (header row, then cells by header); [] when absent. */
function rowsOf(book: XlsxWorkbook, name: string) {
  const sheet = book.sheet(name);
  if (!sheet) return [];
  // Sheet rows may skip numbers (empty rows are not stored): keep the numbers the file shows.
  const table: string[][] = [];
  for (const r of sheet.rows) table[r.row - 1] = r.cells;
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return sheetRows(table);
}

/** Reads an XLSForm workbook: what the file is comes from its bytes, never its name. */
export function readXlsForm(bytes: Buffer, fileName: string): XlsFormImport {
  let book: XlsxWorkbook;
  try {
    book = new XlsxWorkbook(bytes);
  } catch (error) {
    if (error instanceof XlsxError) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `${error.message}: upload an XLSForm as an XLSX workbook`);
    }
    throw error;
  }
  try {
    const fallbackTitle = fileName.replace(/\.xlsx$/i, '').trim() || 'Form';
    const result = xlsFormToDefinition(
      {
        survey: rowsOf(book, 'survey'),
        choices: rowsOf(book, 'choices'),
        settings: rowsOf(book, 'settings'),
      },
      { fallbackTitle },
    );
    if (result.problems) return { ok: false, problems: result.problems };
    return { ok: true, definition: result.definition, ignoredRows: result.ignoredRows };
  } catch (error) {
    if (error instanceof XlsxError) throw new AppError('UNPROCESSABLE', error.message);
    throw error;
  }
}
