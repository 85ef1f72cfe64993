import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from './harness.js';
import { buildFixture, ownReporter, type Fixture } from './fixture.js';

let h: Harness;
let f: Fixture;
let reporter: Client;

beforeAll(async () => {
  h = await startHarness();
  f = await buildFixture(h);
  reporter = await ownReporter(h);
});
afterAll(() => h.close());

async function download(): Promise<Buffer> {
  const res = await h.app.request(`/api/v1/assignments/${f.own}/template.xlsx`, { headers: await cookieHeaders() });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  return Buffer.from(await res.arrayBuffer());
}

async function cookieHeaders(): Promise<Record<string, string>> {
  const login = await h.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'edu', password: 'test-password-1' }),
  });
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
}

/** Fills every value cell of the main sheet with something valid for its field, or with `override`'s (null: blank). */
async function fill(bytes: Buffer, override: (code: string) => unknown = () => undefined): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('填报表')!;
  sheet.eachRow((row) => {
    const code = String(row.getCell(6).value ?? '');
    if (!/^s\d+t\d+_|^c\d+$/.test(code)) return;
    const label = String(row.getCell(1).value ?? '');
    const typical = code.endsWith('_note') ? '按计划推进' : label.includes('占比') || label.includes('率') ? 80 : 12;
    const wanted = override(code);
    row.getCell(2).value = (wanted === undefined ? typical : wanted) as ExcelJS.CellValue;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the Excel round trip', () => {
  it('downloads a template, fills it offline and uploads it back as a draft', async () => {
    const filled = await fill(await download());
    const res = await reporter.request('POST', `/api/v1/assignments/${f.own}/upload`, new Uint8Array(filled), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', revision: 1 });
    expect((res.body['values'] as Record<string, unknown>)['s1t1_note']).toBe('按计划推进');
  });

  it('reports a bad cell by sheet!cell and field, storing nothing', async () => {
    const bad = await fill(await download(), (code) =>
      code === 's1t1_note' ? undefined : /_g\d+$/.test(code) ? '很多' : undefined,
    );
    const res = await reporter.request('POST', `/api/v1/assignments/${f.own}/upload`, new Uint8Array(bad));
    expect(res.status).toBe(400);
    const details = res.body.error!.details as Array<{ path: string }>;
    expect(details[0]!.path).toMatch(/^填报表!B\d+$/);
    const after = await reporter.request('GET', `/api/v1/assignments/${f.own}/revisions`);
    expect((after.body as unknown as unknown[]).length).toBe(1);
  });

  it('takes a workbook with a required cell left blank as an incomplete draft, as the browser saves one', async () => {
    const partial = await fill(await download(), (code) => (code === 's1t1_note' ? null : undefined));
    const res = await reporter.request('POST', `/api/v1/assignments/${f.own}/upload`, new Uint8Array(partial));
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft' });
    expect(res.body['values']).not.toHaveProperty('s1t1_note');
  });

  it('names a bad cell once in the summary of a refused workbook', async () => {
    const bad = await fill(await download(), (code) => (/_g\d+$/.test(code) ? '很多' : undefined));
    const res = await reporter.request('POST', `/api/v1/assignments/${f.own}/upload`, new Uint8Array(bad));
    const error = res.body.error!;
    const cell = (error.details as Array<{ path: string }>)[0]!.path;
    expect(error.message).toMatch(/^Excel 文件有 \d+ 处问题，例如：填报表!B\d+「/);
    expect(error.message.split(cell)).toHaveLength(2);
    expect(error.messageEn.split(cell)).toHaveLength(2);
  });

  it.each([
    ['malformed bytes', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7')],
    ['an empty upload', () => new Uint8Array(0)],
  ])('refuses %s with the error shape', async (_name, bytes) => {
    const res = await reporter.request('POST', `/api/v1/assignments/${f.own}/upload`, bytes());
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('workbook_invalid');
  });
});
