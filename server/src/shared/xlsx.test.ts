import { describe, expect, it } from 'vitest';
import {
  excelSerialToDate,
  readXlsxSheet,
  writeXlsx,
  writeZip,
  XlsxError,
  XlsxWorkbook,
  zipKind,
} from './xlsx.ts';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook the way Excel writes one: shared strings, a date style, sheets out of file order, deflated. */
function excelLike(): Buffer {
  const files: [string, string][] = [
    [
      'xl/workbook.xml',
      `<workbook ${NS} ${R}><sheets><sheet name="survey" sheetId="1" r:id="rId2"/><sheet name="choices" sheetId="2" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="x"/></Relationships>',
    ],
    [
      'xl/sharedStrings.xml',
      `<sst ${NS}><si><t>type</t></si><si><r><t>na</t></r><r><t xml:space="preserve">me</t></r></si><si><t>Ім’я &amp; прізвище</t><rPh><t>ignored</t></rPh></si><si/></sst>`,
    ],
    [
      'xl/styles.xml',
      `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
    ],
    [
      'xl/worksheets/sheet2.xml',
      `<worksheet ${NS}><sheetData>
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>3</v></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>text</t></is></c><c r="B3" t="s"><v>2</v></c><c r="C3" s="1"><v>45000</v></c><c r="D3" t="b"><v>1</v></c><c r="E3"><v>12.5</v></c><c r="F3" t="e"><v>#DIV/0!</v></c><c r="G3" s="2"><v>44616</v></c></row>
      </sheetData></worksheet>`,
    ],
    [
      'xl/worksheets/sheet1.xml',
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>list_name</t></is></c></row></sheetData></worksheet>`,
    ],
  ];
  return writeZip(
    files.map(([n, c]) => [n, Buffer.from(c, 'utf8')]),
    { deflate: true },
  );
}

describe('shared XLSX reader', () => {
  it('reads every sheet by name: shared and inline strings, numbers, booleans, dates as ISO, gaps as empty', () => {
    const book = new XlsxWorkbook(excelLike());
    expect(book.sheets.map((s) => s.name)).toEqual(['survey', 'choices']);
    const survey = book.sheet('Survey');
    expect(survey?.rows).toEqual([
      { row: 1, cells: ['type', 'name', '', ''] },
      { row: 3, cells: ['text', 'Ім’я & прізвище', '2023-03-15', 'true', '12.5', '', '2022-02-24'] },
    ]);
    expect(book.sheet('choices')?.rows).toEqual([{ row: 1, cells: ['list_name'] }]);
    expect(book.sheet('settings')).toBeNull();
    expect(book.allSheets().map((s) => s.name)).toEqual(['survey', 'choices']);
    expect(readXlsxSheet(excelLike())[0]?.cells[0]).toBe('type');
  });

  it('round-trips what its writer writes, with several sheets', () => {
    const bytes = writeXlsx([
      { name: 'survey', rows: [['type', 'name'], ['text', 'a <b> & "c"'], [], [1, 2.5]] },
      { name: 'settings', rows: [['form_title'], ['Заявка']] },
    ]);
    expect(zipKind(bytes)).toBe('xlsx');
    expect(readXlsxSheet(bytes, 'survey')).toEqual([
      { row: 1, cells: ['type', 'name'] },
      { row: 2, cells: ['text', 'a <b> & "c"'] },
      { row: 3, cells: [] },
      { row: 4, cells: ['1', '2.5'] },
    ]);
    expect(readXlsxSheet(bytes, 'settings')[1]?.cells).toEqual(['Заявка']);
  });

  it('tells a workbook from another ZIP and from a damaged one', () => {
    expect(zipKind(Buffer.from('hello'))).toBeNull();
    expect(zipKind(writeZip([['a.txt', Buffer.from('x')]]))).toBe('zip');
    expect(() => new XlsxWorkbook(writeZip([['a.txt', Buffer.from('x')]]))).toThrow(/not an XLSX/);
    const cut = writeXlsx([{ name: 's', rows: [['a']] }]).subarray(0, 60);
    expect(() => zipKind(cut)).toThrow(XlsxError);
    expect(() => readXlsxSheet(writeXlsx([{ name: 's', rows: [['a']] }]), 'nope')).toThrow(/no sheet "nope"/);
  });

  it('converts Excel serial days', () => {
    expect(excelSerialToDate(44616)).toBe('2022-02-24');
    expect(excelSerialToDate(44616.75)).toBe('2022-02-24');
  });
});
