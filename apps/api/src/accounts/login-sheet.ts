import ExcelJS from 'exceljs';
import { formatBeijingDateTime, type LoginSheet, type LoginSheetRow } from '@kesu/schema';

const COLUMNS: Array<{ header: string; key: keyof LoginSheetRow; width: number }> = [
  { header: '地区 Region', key: 'regionName', width: 16 },
  { header: '单位 Unit', key: 'department', width: 30 },
  { header: '用户名 User name', key: 'username', width: 24 },
  { header: '一次性登录码 One-time code', key: 'code', width: 20 },
  { header: '有效期至（北京时间）Valid until (Beijing time)', key: 'expiresAt', width: 22 },
  { header: '登录链接 Log-in link', key: 'link', width: 60 },
];

/**
 * The log-ins of new accounts as a workbook a clerk prints and hands out: one row per person,
 * with how to use them above. Nothing is stored: the codes exist only in this file and on screen.
 * @example await loginSheet({ title: '锦江区 填报账号', rows })
 */
export async function loginSheet(sheet: LoginSheet): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('登录信息', {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    },
  });
  ws.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = sheet.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value =
    '请在有效期内登录：输入用户名和一次性登录码，再设置自己的密码。登录码只能使用一次，请妥善保管。 / ' +
    'Log in before the code expires with the user name and one-time code, then set your own password. ' +
    'Each code works once.';
  ws.getCell(2, 1).alignment = { wrapText: true };
  ws.getRow(2).height = 32;
  const header = ws.getRow(3);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of sheet.rows) {
    const added = ws.addRow({ ...row, expiresAt: formatBeijingDateTime(row.expiresAt) || row.expiresAt });
    // A code is read and typed by hand: a typewriter face tells 8 from B.
    added.getCell('code').font = { name: 'Consolas', size: 12, bold: true };
  }
  const border = { style: 'thin' as const, color: { argb: 'FF999999' } };
  for (let r = 3; r <= ws.rowCount; r++) {
    for (let c = 1; c <= COLUMNS.length; c++)
      ws.getCell(r, c).border = { top: border, left: border, bottom: border, right: border };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
