// Reading an uploaded roster (xlsx or csv) into plain cells, with exceljs: the first worksheet, the first row that
// names the required columns as the header, every later non-empty row as data. Validation of the cells is the rules
// package's (`parseRosterRow`); this file only turns a spreadsheet into text, numbers and yes/no values.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  missingRosterColumns,
  rosterColumnOf,
  ROSTER_MAX_ROWS,
  type RosterCell,
  type RosterColumnKey,
} from '@hz-points/shared';
import { AppError } from '../../core/errors';

export interface SheetRow {
  /** The spreadsheet's own row number, as the agent sees it in Excel. */
  row: number;
  cells: Partial<Record<RosterColumnKey, RosterCell>>;
}

/** How many leading rows may come before the header (a title line, a note): HR templates often have one or two. */
const HEADER_SEARCH_ROWS = 5;

/** A cell value of exceljs as one of ours: rich text and hyperlinks as their text, formulas as their result. */
function plain(value: ExcelJS.CellValue): RosterCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

/** CSV as Excel saves it: UTF-8 (often with a BOM) or, on Chinese Windows, GB18030. */
function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function firstWorksheet(bytes: Buffer, kind: 'xlsx' | 'csv'): Promise<ExcelJS.Worksheet | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (kind === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      return workbook.worksheets[0];
    }
    // Every CSV value stays text: exceljs's default would turn an 18-digit ID number into a float.
    return await workbook.csv.read(Readable.from([decodeCsv(bytes)]), {
      map: (v: string) => (v === '' ? null : v),
    } as never);
  } catch {
    // A ZIP that is not a workbook, a corrupt file: not a roster.
    return undefined;
  }
}

/**
 * The roster's rows. Refuses (ROSTER_NOT_A_ROSTER / ROSTER_TOO_MANY_ROWS / ROSTER_NO_VALID_ROWS) a file without the
 * required columns, with too many rows, or with none: nothing is stored from such a file.
 */
export async function readRosterSheet(bytes: Buffer, kind: 'xlsx' | 'csv'): Promise<SheetRow[]> {
  const sheet = await firstWorksheet(bytes, kind);
  if (!sheet) throw new AppError('ROSTER_NOT_A_ROSTER');
  let headerRow = 0;
  let columns = new Map<number, RosterColumnKey>();
  let missing: string[] = [];
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const found = new Map<number, RosterColumnKey>();
    sheet.getRow(r).eachCell((cell, col) => {
      const key = rosterColumnOf(String(plain(cell.value) ?? ''));
      if (key && ![...found.values()].includes(key)) found.set(col, key);
    });
    const gaps = missingRosterColumns(found.values());
    if (gaps.length === 0) {
      headerRow = r;
      columns = found;
      break;
    }
    if (found.size > 0 && (missing.length === 0 || gaps.length < missing.length)) missing = gaps;
  }
  if (headerRow === 0) {
    throw new AppError(
      'ROSTER_NOT_A_ROSTER',
      missing.length > 0 ? `无法识别为员工名单：缺少“${missing.join('”“')}”列` : undefined,
    );
  }
  const rows: SheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const cells: SheetRow['cells'] = {};
    let empty = true;
    sheet.getRow(r).eachCell((cell, col) => {
      const key = columns.get(col);
      if (!key) return;
      const v = plain(cell.value);
      if (v !== null && String(v).trim() !== '') empty = false;
      cells[key] = v;
    });
    if (empty) continue;
    rows.push({ row: r, cells });
    if (rows.length > ROSTER_MAX_ROWS) throw new AppError('ROSTER_TOO_MANY_ROWS');
  }
  if (rows.length === 0) throw new AppError('ROSTER_NO_VALID_ROWS', '名单中除表头外没有员工信息');
  return rows;
}
