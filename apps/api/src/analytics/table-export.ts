import { mkdirSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { tableRowsSql, WAREHOUSE_TABLES, type StepListener, type TableDoc } from '@kesu/analytics';
import { formatBeijingDateTime } from '@kesu/schema';
import { exec, quoteLiteral, type Store } from '@kesu/store';

type Connection = Awaited<ReturnType<Store['connect']>>;

/** Rows per sheet: Excel's limit less the header row. */
const SHEET_ROWS = 1_048_575;

async function writeCsv(connection: Connection, table: TableDoc, outDir: string): Promise<void> {
  await exec(
    connection,
    `COPY (${tableRowsSql(table)}) TO ${quoteLiteral(path.join(outDir, `${table.name}.csv`))} (HEADER, DELIMITER ',')`,
  );
}

const TIME_NOTE = '北京时间（UTC+8）/ Beijing time';

const isTime = (column: TableDoc['columns'][number]) => /TIMESTAMP/.test(column.type);

/** The header row; a time column's header says the times below are Beijing time. */
export function addHeader(sheet: ExcelJS.Worksheet, table: TableDoc): void {
  const head = sheet.addRow(table.columns.map((c) => c.name));
  table.columns.forEach((column, i) => {
    if (isTime(column)) head.getCell(i + 1).note = TIME_NOTE;
  });
  head.commit();
}

/**
 * A value as a sheet holds it: BIGINT as a number, a stored UTC time (read as text) as Beijing
 * time. The sheets are for people to read; the CSV files and the lake keep UTC.
 */
export function sheetCell(value: unknown, time: boolean): unknown {
  if (typeof value === 'bigint') return Number(value);
  return time && typeof value === 'string' ? formatBeijingDateTime(value, { seconds: true }) : value;
}

/** One sheet per table (more when a table passes Excel's row limit). */
async function writeSheets(
  connection: Connection,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: TableDoc,
): Promise<void> {
  const result = await connection.stream(tableRowsSql(table));
  const times = table.columns.map(isTime);
  let sheet: ExcelJS.Worksheet | null = null;
  let written = 0;
  let part = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const row of chunk.getRows()) {
      if (sheet === null || written === SHEET_ROWS) {
        sheet?.commit();
        part++;
        sheet = workbook.addWorksheet(part === 1 ? table.name : `${table.name}_${part}`);
        addHeader(sheet, table);
        written = 0;
      }
      sheet.addRow(row.map((v, i) => sheetCell(v, times[i] ?? false))).commit();
      written++;
    }
  }
  if (sheet === null) addHeader(workbook.addWorksheet(table.name), table);
  sheet?.commit();
}

/** Writes every documented table as CSV files or one XLSX workbook into a folder. */
export async function exportTables(
  connection: Connection,
  outDir: string,
  format: 'csv' | 'xlsx',
  onStep: StepListener,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  if (format === 'csv') {
    for (const [i, table] of WAREHOUSE_TABLES.entries()) {
      onStep(table.name, i, WAREHOUSE_TABLES.length);
      await writeCsv(connection, table, outDir);
    }
    onStep('done', WAREHOUSE_TABLES.length, WAREHOUSE_TABLES.length);
    return WAREHOUSE_TABLES.map((t) => path.join(outDir, `${t.name}.csv`));
  }
  const file = path.join(outDir, 'kesu-warehouse.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  for (const [i, table] of WAREHOUSE_TABLES.entries()) {
    onStep(table.name, i, WAREHOUSE_TABLES.length);
    await writeSheets(connection, workbook, table);
  }
  await workbook.commit();
  onStep('done', WAREHOUSE_TABLES.length, WAREHOUSE_TABLES.length);
  return [file];
}
