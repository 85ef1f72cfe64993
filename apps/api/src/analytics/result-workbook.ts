import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SandboxResult } from '@kesu/analytics';

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL)/;
// Excel holds 15 significant digits; wider integers stay text so no digit is silently changed.
const EXACT = 1e15;

/** A cell as Excel should hold it: numbers as numbers (DuckDB's BIGINT arrives as text), lists and structs as JSON. */
export function excelCell(value: unknown, numeric: boolean): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (numeric && typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n) && Math.abs(n) < EXACT) return n;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return value as ExcelJS.CellValue;
}

/** A query result as an XLSX workbook, streamed as it is written: one sheet, the column names as its header. */
export function resultWorkbook(result: SandboxResult): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('查询结果');
  const numeric = result.columns.map((c) => NUMERIC.test(c.type));
  sheet.columns = result.columns.map((c) => ({ header: c.name, width: Math.min(40, Math.max(10, c.name.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  const write = async () => {
    for (const row of result.rows) sheet.addRow(row.map((v, i) => excelCell(v, numeric[i] ?? false))).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
