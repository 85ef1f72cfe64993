import type ExcelJS from 'exceljs';
import { rawOf } from './workbook-cells.js';
import { fileError, type WorkbookError } from './workbook-errors.js';
import {
  META_SHEET,
  WORKBOOK_FORMAT,
  type TableField,
  type WorkbookContext,
  type WorkbookIdentity,
} from './workbook-layout.js';

/** The _kesu sheet's key/value pairs, with the row each sits in. */
export type Meta = Map<string, { value: string; row: number }>;

const tableKey = (tableId: string) => `table:${tableId}`;

/** Adds the very hidden _kesu sheet: format, assignment, form, version and each table's sheet name. */
export function writeMetaSheet(
  wb: ExcelJS.Workbook,
  ctx: WorkbookContext,
  tables: TableField[],
  tableSheets: Map<string, string>,
): ExcelJS.Worksheet {
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const pairs: Array<[string, string | number]> = [
    ['format', WORKBOOK_FORMAT],
    ['assignmentId', ctx.assignmentId],
    ['formId', ctx.formId],
    ['version', ctx.version],
    ...tables.map((t): [string, string] => [tableKey(t.id), tableSheets.get(t.id) ?? '']),
  ];
  pairs.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  return meta;
}

/** The sheet name _kesu gives a table, if it gives one. */
export function namedTableSheet(meta: Meta, tableId: string): string | undefined {
  return meta.get(tableKey(tableId))?.value;
}

function metaValues(ws: ExcelJS.Worksheet): Meta {
  const out: Meta = new Map();
  ws.eachRow((row, n) => {
    const key = rawOf(row.getCell(1).value);
    const value = rawOf(row.getCell(2).value);
    if (key.kind === 'text')
      out.set(key.value, {
        value: value.kind === 'text' || value.kind === 'number' ? String(value.value) : '',
        row: n,
      });
  });
  return out;
}

/** The _kesu sheet's pairs, or why the file is not the workbook made for this assignment and form version. */
export function checkMeta(wb: ExcelJS.Workbook, expected: WorkbookIdentity): { meta: Meta } | { error: WorkbookError } {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) {
    return {
      error: fileError(
        'missing_metadata',
        `文件缺少隐藏的「${META_SHEET}」工作表，无法确认对应哪项填报任务；请上传从本系统下载的填报表`,
        `The hidden "${META_SHEET}" sheet is missing, so the file cannot be matched to an assignment; ` +
          `upload the workbook downloaded from Kesu`,
        META_SHEET,
      ),
    };
  }
  const meta = metaValues(ws);
  const error = mismatch(meta, expected);
  return error ? { error } : { meta };
}

/** The first pair that does not match what the upload is for, as an error on its cell. */
function mismatch(meta: Meta, expected: WorkbookIdentity): WorkbookError | null {
  const get = (key: string) => meta.get(key) ?? { value: '', row: 0 };
  const fail = (key: string, code: string, zh: string, en: string) =>
    fileError(code, zh, en, META_SHEET, get(key).row ? `B${get(key).row}` : '');
  if (get('format').value !== WORKBOOK_FORMAT) {
    return fail(
      'format',
      'unknown_format',
      '文件不是本系统生成的填报表格式',
      'The file is not in the Kesu workbook format',
    );
  }
  const assignment = get('assignmentId').value;
  if (assignment !== expected.assignmentId) {
    return fail(
      'assignmentId',
      'wrong_assignment',
      `此文件属于另一项填报任务（${assignment || '未知'}），不是当前任务（${expected.assignmentId}）`,
      `This file belongs to another assignment (${assignment || 'unknown'}), not this one (${expected.assignmentId})`,
    );
  }
  const form = get('formId').value;
  if (form !== expected.formId) {
    return fail(
      'formId',
      'wrong_form',
      `此文件对应另一张表单（${form || '未知'}），不是当前表单（${expected.formId}）`,
      `This file is for another form (${form || 'unknown'}), not this one (${expected.formId})`,
    );
  }
  const version = get('version').value;
  if (version !== String(expected.version)) {
    return fail(
      'version',
      'stale_version',
      `此文件是按第 ${version || '?'} 版表单生成的，当前表单为第 ${expected.version} 版；请重新下载填报表，把数据填入新表后上传`,
      `This file was made for version ${version || '?'} of the form, ` +
        `but the form is now version ${expected.version}; download the workbook again and fill in the new one`,
    );
  }
  return null;
}
