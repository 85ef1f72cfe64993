import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { WAREHOUSE_TABLES } from '@kesu/analytics';
import { addHeader, sheetCell } from './table-export.js';

describe('the warehouse as sheets for people', () => {
  it('writes stored UTC times as Beijing time, other values as they are', () => {
    expect(sheetCell('2025-12-31 16:30:00.5', true)).toBe('2026-01-01 00:30:00');
    expect(sheetCell('2025-03-04 17:20:11.63', true)).toBe('2025-03-05 01:20:11');
    expect(sheetCell(null, true)).toBeNull();
    // Only a time column's text is a time; a date or other text stays as it is.
    expect(sheetCell('2025-03-04', false)).toBe('2025-03-04');
    expect(sheetCell('2025-03-04 17:20:11', false)).toBe('2025-03-04 17:20:11');
    expect(sheetCell(42n, false)).toBe(42);
  });

  it('says on a time column’s header that its times are Beijing time', () => {
    const table = WAREHOUSE_TABLES.find((t) => t.columns.some((c) => c.type === 'TIMESTAMP'));
    expect(table).toBeDefined();
    const sheet = new ExcelJS.Workbook().addWorksheet(table!.name);
    addHeader(sheet, table!);
    table!.columns.forEach((column, i) => {
      const cell = sheet.getRow(1).getCell(i + 1);
      expect(cell.value).toBe(column.name);
      if (column.type === 'TIMESTAMP') expect(cell.note).toContain('北京时间');
      else expect(cell.note).toBeUndefined();
    });
  });
});
