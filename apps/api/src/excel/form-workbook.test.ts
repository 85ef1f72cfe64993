import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileForm, FormDefinition, type FormDefinitionInput } from '@kesu/schema';
import {
  buildFormWorkbook,
  readFormWorkbook,
  type WorkbookContext,
  type WorkbookError,
  type WorkbookReadResult,
} from './form-workbook.js';

const input: FormDefinitionInput = {
  title: '青少年科学素质提升行动年度报表',
  periodKind: 'year',
  sections: [
    {
      id: 'training',
      title: '培训情况',
      fields: [
        { id: 'held', type: 'yes_no', label: '本期是否开展培训', labelEn: 'Training held', required: true },
        {
          id: 'sessions',
          type: 'integer',
          label: '培训场次',
          labelEn: 'Sessions',
          unit: '场',
          required: true,
          showIf: 'held == true',
        },
        {
          id: 'youth',
          type: 'integer',
          label: '青少年培训人次',
          labelEn: 'Youth person-times',
          unit: '人次',
          max: 1000000,
        },
        { id: 'teachers', type: 'integer', label: '教师培训人次', labelEn: 'Teacher person-times', unit: '人次' },
        {
          id: 'total',
          type: 'integer',
          label: '培训总人次',
          labelEn: 'Total person-times',
          computed: 'youth + teachers',
        },
      ],
    },
    {
      id: 'quality',
      title: '质量与经费',
      description: '经费按实际支出填写',
      fields: [
        { id: 'coverage', type: 'percent', label: '学校覆盖率', labelEn: 'School coverage', scale: 1 },
        { id: 'funding', type: 'decimal', label: '投入经费', labelEn: 'Funding', unit: '万元', scale: 2, min: 0 },
        {
          id: 'level',
          type: 'choice',
          label: '活动级别',
          labelEn: 'Level',
          options: [
            { value: 'district', label: '区级' },
            { value: 'city', label: '市级' },
          ],
        },
        {
          id: 'topics',
          type: 'multi_choice',
          label: '活动主题',
          labelEn: 'Topics',
          options: [
            { value: 'ai', label: '人工智能' },
            { value: 'space', label: '航天' },
            { value: 'health', label: '健康' },
          ],
        },
        {
          id: 'startedOn',
          type: 'date',
          label: '开始日期',
          labelEn: 'Start date',
          min: '2021-01-01',
          max: '2025-12-31',
        },
        { id: 'contact', type: 'text', label: '联系电话', labelEn: 'Phone', pattern: '1\\d{10}', maxLength: 11 },
        { id: 'note', type: 'long_text', label: '进展说明', labelEn: 'Progress note', maxLength: 500 },
      ],
    },
    {
      id: 'events',
      title: '活动明细',
      fields: [
        {
          id: 'activities',
          type: 'repeat_table',
          label: '活动',
          labelEn: 'Activities',
          maxRows: 20,
          uniqueBy: ['name'],
          columns: [
            { id: 'name', type: 'text', label: '活动名称', labelEn: 'Name', required: true },
            { id: 'people', type: 'integer', label: '参与人数', labelEn: 'Participants', unit: '人' },
            { id: 'held', type: 'date', label: '举办日期', labelEn: 'Date' },
            {
              id: 'kind',
              type: 'choice',
              label: '形式',
              labelEn: 'Kind',
              options: [
                { value: 'online', label: '线上' },
                { value: 'offline', label: '线下' },
              ],
            },
            { id: 'free', type: 'yes_no', label: '是否免费', labelEn: 'Free' },
            { id: 'share', type: 'percent', label: '青少年占比', labelEn: 'Youth share', scale: 0 },
            { id: 'cost', type: 'decimal', label: '费用', labelEn: 'Cost', scale: 2 },
            {
              id: 'tags',
              type: 'multi_choice',
              label: '标签',
              labelEn: 'Tags',
              options: [
                { value: 'ai', label: '人工智能' },
                { value: 'space', label: '航天' },
              ],
            },
            { id: 'remark', type: 'long_text', label: '备注', labelEn: 'Remark' },
          ],
        },
      ],
    },
  ],
  rules: [
    {
      id: 'teachersBelowYouth',
      expression: 'teachers <= youth',
      severity: 'error',
      field: 'teachers',
      message: '不应超过青少年培训人次',
      messageEn: 'should not exceed youth person-times',
    },
  ],
};

const def = FormDefinition.parse(input);
const form = compileForm(def);
const ctx: WorkbookContext = {
  assignmentId: 'asg-2024-001',
  formId: 'youth-annual',
  version: 3,
  title: '友谊县 2024 年度青少年科学素质提升行动报表',
  regionName: '友谊县',
  departmentName: '县教育局',
  period: '2024',
  dueDate: '2025-01-31',
  targets: { youth: '每年不少于 2000 人次' },
  previous: {
    youth: 1800,
    level: 'city',
    held: true,
    topics: ['ai'],
    startedOn: '2023-03-01',
    activities: [{ name: 'x' }],
  },
};
const expected = { assignmentId: ctx.assignmentId, formId: ctx.formId, version: ctx.version };

const full: Record<string, unknown> = {
  held: true,
  sessions: 12,
  youth: 2400,
  teachers: 60,
  coverage: 87.5,
  funding: 12.34,
  level: 'city',
  topics: ['ai', 'health'],
  startedOn: '2024-02-29',
  contact: '13800138000',
  note: '按计划推进。\n第二行说明',
  activities: [
    {
      name: '科技节',
      people: 300,
      held: '2024-05-18',
      kind: 'offline',
      free: true,
      share: 80,
      cost: 1200.5,
      tags: ['ai', 'space'],
      remark: '全县中小学参加',
    },
    { name: '航天讲座', people: 120, kind: 'online', free: false },
    { name: '科普进校园' },
  ],
};

async function edit(bytes: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The 填报表 row holding a field, found by its code in column F. */
function rowOf(ws: ExcelJS.Worksheet, id: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 6).value === id) return r;
  throw new Error(`no row for ${id}`);
}

function setMain(wb: ExcelJS.Workbook, id: string, value: ExcelJS.CellValue): void {
  const ws = sheet(wb, '填报表');
  ws.getCell(rowOf(ws, id), 2).value = value;
}

function failed(r: WorkbookReadResult): WorkbookError[] {
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.values)}`);
  return r.errors;
}

/** A genuine small-scale zip bomb: one sheet part of 64 MB of spaces, deflated, its size declared truly or not. */
function zipBomb(declaredSize?: number): Uint8Array {
  const data = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const body = deflateRawSync(data);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(body.byteLength, 18);
  local.writeUInt32LE(declaredSize ?? data.byteLength, 22);
  local.writeUInt16LE(name.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(body.byteLength, 20);
  central.writeUInt32LE(declaredSize ?? data.byteLength, 24);
  central.writeUInt16LE(name.byteLength, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + name.byteLength, 12);
  end.writeUInt32LE(local.byteLength + name.byteLength + body.byteLength, 16);
  return new Uint8Array(Buffer.concat([local, name, body, central, name, end]));
}

let blank: Buffer;
let filled: Buffer;
beforeAll(async () => {
  blank = await buildFormWorkbook(def, ctx);
  filled = await buildFormWorkbook(def, ctx, full);
});

describe('buildFormWorkbook', () => {
  it('lays out the 填报表 sheet, one sheet per table and the very hidden _kesu sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(blank).buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填报表', '活动', '_kesu']);
    expect(sheet(wb, '_kesu').state).toBe('veryHidden');
    const meta = sheet(wb, '_kesu');
    expect([1, 2, 3, 4].map((r) => [meta.getCell(r, 1).value, meta.getCell(r, 2).value])).toEqual([
      ['format', 'kesu-form-workbook/1'],
      ['assignmentId', 'asg-2024-001'],
      ['formId', 'youth-annual'],
      ['version', 3],
    ]);

    const main = sheet(wb, '填报表');
    expect(main.getCell('A1').value).toBe(ctx.title);
    const header = [2, 3, 4, 5].map((r) => [main.getCell(r, 1).value, main.getCell(r, 2).value]);
    // The period in words, as people say it (the code stays in the hidden sheet's assignment).
    expect(header).toEqual([
      ['地区', '友谊县'],
      ['单位', '县教育局'],
      ['期间', '2024年'],
      ['截止日期', '2025-01-31'],
    ]);
    const headRow = rowOf(main, '字段代码');
    expect(main.getRow(headRow).values).toEqual([
      undefined,
      '字段',
      '填报值',
      '单位',
      '目标/说明',
      '上期值',
      '字段代码',
    ]);
    expect(main.getCell(headRow + 1, 1).value).toBe('培训情况');

    const youth = main.getRow(rowOf(main, 'youth'));
    expect([youth.getCell(1).value, youth.getCell(3).value, youth.getCell(4).value, youth.getCell(5).value]).toEqual([
      '青少年培训人次',
      '人次',
      '每年不少于 2000 人次',
      1800,
    ]);
    expect(youth.getCell(2).protection).toMatchObject({ locked: false });
    expect(youth.getCell(2).dataValidation).toMatchObject({ type: 'whole', formulae: [0, 1000000] });
    expect(main.getCell(rowOf(main, 'held'), 1).value).toBe('本期是否开展培训 *');
    expect(main.getCell(rowOf(main, 'held'), 2).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(main.getCell(rowOf(main, 'held'), 5).value).toBe('是');
    expect(main.getCell(rowOf(main, 'level'), 2).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"区级,市级"'],
    });
    expect(main.getCell(rowOf(main, 'level'), 5).value).toBe('市级');
    expect(main.getCell(rowOf(main, 'coverage'), 2).dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0, 100],
    });
    expect(main.getCell(rowOf(main, 'startedOn'), 2).dataValidation).toMatchObject({ type: 'date' });
    expect(main.getCell(rowOf(main, 'startedOn'), 5).value).toEqual(new Date('2023-03-01T00:00:00Z'));
    expect(main.getCell(rowOf(main, 'contact'), 2).dataValidation).toMatchObject({
      type: 'textLength',
      formulae: [11],
    });
    expect(main.getCell(rowOf(main, 'topics'), 4).value).toContain('人工智能、航天、健康');
    const pointer = main.getColumn(2).values.indexOf('见工作表「活动」');
    expect(main.getCell(pointer, 1).value).toBe('活动');
    expect(main.getCell(pointer, 6).value).toBeNull();
    const total = main.getRow(rowOf(main, 'total'));
    expect(total.getCell(2).value).toBe('自动计算');
    expect(total.getCell(2).protection?.locked).not.toBe(false);
    // exceljs keeps sheet protection on the worksheet but leaves it out of its typings.
    const protection: unknown = Reflect.get(main, 'sheetProtection');
    expect(protection).toMatchObject({ sheet: true });

    const table = sheet(wb, '活动');
    expect(table.getCell('A1').value).toBe('活动名称 *');
    expect(table.getCell('B1').value).toBe('参与人数（人）');
    expect(table.getRow(2).hidden).toBe(true);
    expect(table.getCell('A2').value).toBe('activities.name');
    expect(table.getCell('A22').protection).toMatchObject({ locked: false });
    expect(table.getCell('B22').dataValidation).toMatchObject({ type: 'whole' });
    expect(table.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ['"线上,线下"'] });
  });

  it("writes a table column's unit once, and a quarter in words", async () => {
    const counted = FormDefinition.parse({
      title: 't',
      periodKind: 'quarter',
      sections: [
        {
          id: 's',
          title: 's',
          fields: [
            {
              id: 't1',
              type: 'repeat_table',
              label: '活动',
              columns: [
                { id: 'a', type: 'integer', label: '参与人次', unit: '人次' },
                { id: 'b', type: 'integer', label: '场地', unit: '处' },
              ],
            },
          ],
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await buildFormWorkbook(counted, { ...ctx, period: '2024Q4' })).buffer);
    expect([sheet(wb, '活动').getCell('A1').value, sheet(wb, '活动').getCell('B1').value]).toEqual([
      '参与人次',
      '场地（处）',
    ]);
    expect(sheet(wb, '填报表').getCell('B4').value).toBe('2024年第四季度');
  });

  it('names table sheets within Excel’s rules, uniquely', async () => {
    const long = '各乡镇（街道）科普活动开展情况明细：包括时间/地点/人数[必填]*';
    const withTables = FormDefinition.parse({
      title: 't',
      periodKind: 'year',
      sections: [
        {
          id: 's',
          title: 's',
          fields: [
            { id: 't1', type: 'repeat_table', label: long, columns: [{ id: 'a', type: 'text', label: 'A' }] },
            { id: 't2', type: 'repeat_table', label: long, columns: [{ id: 'a', type: 'text', label: 'A' }] },
            { id: 't3', type: 'repeat_table', label: '填报表', columns: [{ id: 'a', type: 'text', label: 'A' }] },
            { id: 't4', type: 'repeat_table', label: "'history'", columns: [{ id: 'a', type: 'text', label: 'A' }] },
            {
              id: 't5',
              type: 'repeat_table',
              label: '𠀀'.repeat(20),
              columns: [{ id: 'a', type: 'text', label: 'A' }],
            },
          ],
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await buildFormWorkbook(withTables, ctx)).buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(7);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*:[\]]|^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(7);
    expect(names).not.toContain('history');
  });

  it('puts long or comma-bearing option lists in the hidden sheet', async () => {
    const many = FormDefinition.parse({
      title: 't',
      periodKind: 'year',
      sections: [
        {
          id: 's',
          title: 's',
          fields: [
            {
              id: 'c',
              type: 'choice',
              label: 'C',
              options: Array.from({ length: 60 }, (_, i) => ({ value: `v${i}`, label: `选项，第 ${i} 个` })),
            },
          ],
        },
      ],
    });
    const bytes = await buildFormWorkbook(many, ctx, { c: 'v59' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
    const main = sheet(wb, '填报表');
    expect(main.getCell(rowOf(main, 'c'), 2).dataValidation).toMatchObject({
      type: 'list',
      formulae: ["'_kesu'!$D$1:$D$60"],
    });
    expect(sheet(wb, '_kesu').getCell('D60').value).toBe('选项，第 59 个');
    const r = await readFormWorkbook(bytes, many, expected);
    expect(r).toMatchObject({ ok: true, values: { c: 'v59' } });
  });
});

describe('readFormWorkbook: round trips', () => {
  it('reads a blank workbook back as an empty submission that fails only on required fields', async () => {
    const errors = failed(await readFormWorkbook(blank, def, expected));
    expect(errors).toEqual([
      expect.objectContaining({ sheet: '填报表', field: '本期是否开展培训', path: 'held', code: 'required' }),
    ]);
    expect(errors[0]?.message).toMatch(/^填报表!B\d+「本期是否开展培训」为必填项$/);
    expect(errors[0]?.messageEn).toMatch(/^填报表!B\d+ "Training held" is required$/);
  });

  it('reads a blank workbook as a draft: incomplete is allowed, the blank required field is a warning', async () => {
    const r = await readFormWorkbook(blank, def, expected, { asDraft: true });
    expect(r).toMatchObject({
      ok: true,
      values: {},
      warnings: [expect.objectContaining({ path: 'held', code: 'required' })],
    });
    // Malformed is not incomplete: a draft with text in a number cell is still refused.
    const bad = await readFormWorkbook(await edit(filled, (w) => setMain(w, 'sessions', 'twelve')), def, expected, {
      asDraft: true,
    });
    expect(failed(bad)).toEqual([expect.objectContaining({ path: 'sessions' })]);
  });

  it('builds with values and reads the same values back (every field type and a repeat table)', async () => {
    const r = await readFormWorkbook(filled, def, expected);
    const want = form.validate(full);
    expect(want.ok).toBe(true);
    expect(r).toEqual({ ok: true, ...expected, values: want.ok ? want.values : null, warnings: [] });
    expect(r.ok && r.values['total']).toBe(2460);
  });

  it('reads a workbook filled in cell by cell the way a reporter would', async () => {
    const bytes = await edit(blank, (wb) => {
      setMain(wb, 'held', '是');
      setMain(wb, 'sessions', 12);
      setMain(wb, 'youth', '2400');
      setMain(wb, 'teachers', { formula: 'B1*0+60', result: 60 });
      setMain(wb, 'total', 99999);
      const main = sheet(wb, '填报表');
      const coverage = main.getCell(rowOf(main, 'coverage'), 2);
      coverage.value = 0.875;
      coverage.numFmt = '0.0%';
      setMain(wb, 'funding', 12.34);
      setMain(wb, 'level', 'city');
      setMain(wb, 'topics', '人工智能，健康');
      setMain(wb, 'startedOn', '2024-02-29');
      setMain(wb, 'contact', 13800138000);
      setMain(wb, 'note', { richText: [{ text: '按计划推进。' }, { text: '\r\n第二行说明' }] });
      const t = sheet(wb, '活动');
      t.getRow(3).values = [
        '科技节',
        300,
        new Date('2024-05-18T00:00:00Z'),
        '线下',
        '是',
        80,
        1200.5,
        '人工智能、航天',
        '全县中小学参加',
      ];
      t.getRow(4).values = ['航天讲座', 120, null, 'online', false];
      // A blank row between records is skipped, not a record.
      t.getRow(9).values = ['科普进校园'];
    });
    const r = await readFormWorkbook(bytes, def, expected);
    const want = form.validate(full);
    expect(r).toMatchObject({ ok: true, values: want.ok ? want.values : {} });
    // The 自动计算 cell is never read back: the server recomputes it, so typing over it changes nothing.
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('accepts dates as Excel serial numbers and option codes instead of labels', async () => {
    const bytes = await edit(blank, (wb) => {
      setMain(wb, 'held', '否');
      setMain(wb, 'startedOn', 45351);
      setMain(wb, 'level', 'district');
    });
    expect(await readFormWorkbook(bytes, def, expected)).toMatchObject({
      ok: true,
      values: { held: false, startedOn: '2024-02-29', level: 'district' },
    });
  });

  it('drops a hidden field with a warning, as the form does', async () => {
    const bytes = await edit(blank, (wb) => {
      setMain(wb, 'held', '否');
      setMain(wb, 'sessions', 5);
    });
    const r = await readFormWorkbook(bytes, def, expected);
    expect(r).toMatchObject({ ok: true, values: { held: false } });
    expect(r.ok && r.warnings.map((w) => [w.path, w.code])).toEqual([['sessions', 'hidden_dropped']]);
  });
});

type Expect = {
  code: string;
  sheet: string;
  cell?: RegExp;
  field?: string;
  path?: string;
  message?: RegExp;
  messageEn?: RegExp;
};

const badCells: Array<[name: string, change: (wb: ExcelJS.Workbook) => void, want: Expect]> = [
  [
    'text in an integer field',
    (wb) => setMain(wb, 'youth', '很多'),
    {
      code: 'not_a_number',
      sheet: '填报表',
      field: '青少年培训人次',
      path: 'youth',
      message: /^填报表!B\d+「青少年培训人次」应填数字，单元格里是“很多”/,
      messageEn: /"Youth person-times" must be a number/,
    },
  ],
  [
    'a number with a thousands separator',
    (wb) => setMain(wb, 'youth', '1,200'),
    { code: 'not_a_number', sheet: '填报表', path: 'youth', message: /“1,200”.*千位分隔符/ },
  ],
  [
    'a number with its unit',
    (wb) => setMain(wb, 'teachers', '60人次'),
    { code: 'not_a_number', sheet: '填报表', path: 'teachers' },
  ],
  [
    'a boolean in a number field',
    (wb) => setMain(wb, 'teachers', true),
    { code: 'not_a_number', sheet: '填报表', path: 'teachers', message: /TRUE/ },
  ],
  [
    'a fraction in an integer field',
    (wb) => setMain(wb, 'sessions', 12.5),
    { code: 'invalid_type', sheet: '填报表', path: 'sessions', message: /「培训场次」必须是整数$/ },
  ],
  [
    'a number above the maximum',
    (wb) => setMain(wb, 'youth', 2000000),
    {
      code: 'too_big',
      sheet: '填报表',
      path: 'youth',
      message: /「青少年培训人次」不能大于 1000000$/,
      messageEn: /must be at most 1000000$/,
    },
  ],
  ['a negative count', (wb) => setMain(wb, 'teachers', -3), { code: 'too_small', sheet: '填报表', path: 'teachers' }],
  [
    'a percentage over 100',
    (wb) => setMain(wb, 'coverage', 120),
    { code: 'too_big', sheet: '填报表', path: 'coverage' },
  ],
  [
    'too many decimals',
    (wb) => setMain(wb, 'funding', 1.234),
    { code: 'too_many_decimals', sheet: '填报表', path: 'funding' },
  ],
  [
    'an unknown choice label',
    (wb) => setMain(wb, 'level', '省级'),
    {
      code: 'unknown_option',
      sheet: '填报表',
      field: '活动级别',
      path: 'level',
      message: /“省级”不是可选项，可选：区级、市级/,
    },
  ],
  [
    'an unknown multi-choice label',
    (wb) => setMain(wb, 'topics', '人工智能、音乐'),
    { code: 'unknown_option', sheet: '填报表', path: 'topics', message: /“音乐”不是可选项/ },
  ],
  [
    'a repeated multi-choice label',
    (wb) => setMain(wb, 'topics', '航天、航天'),
    { code: 'duplicate_choice', sheet: '填报表', path: 'topics' },
  ],
  [
    'neither 是 nor 否',
    (wb) => setMain(wb, 'held', '也许'),
    { code: 'invalid_yes_no', sheet: '填报表', path: 'held', message: /只能填“是”或“否”/ },
  ],
  [
    'an impossible date',
    (wb) => setMain(wb, 'startedOn', '2023-02-29'),
    { code: 'invalid_date', sheet: '填报表', path: 'startedOn', message: /“2023-02-29”不是有效日期/ },
  ],
  [
    'words for a date',
    (wb) => setMain(wb, 'startedOn', '明年三月'),
    { code: 'invalid_date', sheet: '填报表', path: 'startedOn' },
  ],
  [
    'a date outside the allowed range',
    (wb) => setMain(wb, 'startedOn', new Date('2026-01-01T00:00:00Z')),
    { code: 'date_out_of_range', sheet: '填报表', path: 'startedOn' },
  ],
  [
    'text not matching its pattern',
    (wb) => setMain(wb, 'contact', '12345'),
    { code: 'pattern', sheet: '填报表', path: 'contact' },
  ],
  [
    'an Excel error value',
    (wb) => setMain(wb, 'youth', { error: '#DIV/0!' }),
    { code: 'cell_error', sheet: '填报表', path: 'youth', message: /#DIV\/0!/ },
  ],
  [
    'a formula with no calculated result',
    (wb) => setMain(wb, 'youth', { formula: 'SUM(B1:B2)', date1904: false }),
    { code: 'formula_not_calculated', sheet: '填报表', path: 'youth' },
  ],
  [
    'a cross-field rule broken',
    (wb) => setMain(wb, 'teachers', 5000),
    { code: 'rule', sheet: '填报表', path: 'teachers', message: /「教师培训人次」不应超过青少年培训人次$/ },
  ],
  ['a required field emptied', (wb) => setMain(wb, 'held', null), { code: 'required', sheet: '填报表', path: 'held' }],
  [
    'text in a table number column',
    (wb) => (sheet(wb, '活动').getCell('B5').value = '三百'),
    {
      code: 'not_a_number',
      sheet: '活动',
      cell: /^B5$/,
      field: '参与人数',
      path: 'activities[2].people',
      message: /^活动!B5「参与人数」应填数字/,
    },
  ],
  [
    'a table value out of range',
    (wb) => (sheet(wb, '活动').getCell('F3').value = 101),
    {
      code: 'too_big',
      sheet: '活动',
      cell: /^F3$/,
      path: 'activities[0].share',
      message: /^活动!F3「青少年占比」不能大于 100$/,
    },
  ],
  [
    'an unknown table choice',
    (wb) => (sheet(wb, '活动').getCell('D4').value = '混合'),
    { code: 'unknown_option', sheet: '活动', cell: /^D4$/, path: 'activities[1].kind' },
  ],
  [
    'a bad table date',
    (wb) => (sheet(wb, '活动').getCell('C4').value = '2024-13-01'),
    { code: 'invalid_date', sheet: '活动', cell: /^C4$/, path: 'activities[1].held' },
  ],
  [
    'duplicate table rows',
    (wb) => (sheet(wb, '活动').getCell('A5').value = '科技节'),
    {
      code: 'duplicate_row',
      sheet: '活动',
      cell: /^A5$/,
      field: '活动',
      path: 'activities',
      message: /^活动!A5「活动」第 5 行与第 3 行重复（活动名称相同）$/,
      messageEn: /row 5 repeats row 3 \(same Name\)/,
    },
  ],
  [
    'more table rows than allowed',
    (wb) => Array.from({ length: 18 }, (_, i) => (sheet(wb, '活动').getCell(6 + i, 1).value = `活动${i}`)),
    { code: 'too_big', sheet: '活动', cell: /^A3$/, path: 'activities', message: /不能超过 20 项/ },
  ],
  [
    'a field code changed',
    (wb) => {
      const m = sheet(wb, '填报表');
      m.getCell(rowOf(m, 'note'), 6).value = 'notes';
    },
    { code: 'unknown_field', sheet: '填报表', cell: /^F\d+$/ },
  ],
];

describe('readFormWorkbook: bad cells', () => {
  it.each(badCells)('%s', async (_name, change, want) => {
    const errors = failed(await readFormWorkbook(await edit(filled, change), def, expected));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    const error = errors[0];
    expect(error).toMatchObject({
      code: want.code,
      sheet: want.sheet,
      ...(want.field ? { field: want.field } : {}),
      ...(want.path !== undefined ? { path: want.path } : {}),
    });
    expect(error?.cell).toMatch(want.cell ?? /^B\d+$/);
    if (want.message) expect(error?.message).toMatch(want.message);
    if (want.messageEn) expect(error?.messageEn).toMatch(want.messageEn);
    expect(error?.message).toContain(`${error?.sheet}!${error?.cell}`);
  });

  it('names the exact row of a bad main-sheet cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(filled).buffer);
    const row = rowOf(sheet(wb, '填报表'), 'sessions');
    const errors = failed(
      await readFormWorkbook(await edit(filled, (w) => setMain(w, 'sessions', 'twelve')), def, expected),
    );
    expect(errors).toEqual([
      {
        sheet: '填报表',
        cell: `B${row}`,
        field: '培训场次',
        path: 'sessions',
        code: 'not_a_number',
        message: `填报表!B${row}「培训场次」应填数字，单元格里是“twelve”（请去掉千位分隔符、单位、空格等，只填数字）`,
        messageEn:
          `填报表!B${row} "Sessions" must be a number, but the cell holds "twelve" ` +
          `(remove thousands separators, units and spaces)`,
      },
    ]);
  });

  it('reports every bad cell at once and returns no values', async () => {
    const bytes = await edit(filled, (wb) => {
      setMain(wb, 'youth', 'abc');
      setMain(wb, 'level', '省级');
      setMain(wb, 'coverage', 150);
      sheet(wb, '活动').getCell('B4').value = 'x';
    });
    const r = await readFormWorkbook(bytes, def, expected);
    expect(r.ok).toBe(false);
    expect(
      failed(r)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['activities[1].people', 'coverage', 'level', 'youth']);
    expect('values' in r).toBe(false);
  });
});

describe('readFormWorkbook: bad files', () => {
  const cases: Array<
    [name: string, bytes: () => Promise<Uint8Array>, want: { code: string; sheet?: string; message: RegExp }]
  > = [
    [
      'another assignment',
      async () => buildFormWorkbook(def, { ...ctx, assignmentId: 'asg-other' }),
      { code: 'wrong_assignment', sheet: '_kesu', message: /另一项填报任务（asg-other）.*当前任务（asg-2024-001）/ },
    ],
    [
      'another form',
      async () => buildFormWorkbook(def, { ...ctx, formId: 'other-form' }),
      { code: 'wrong_form', sheet: '_kesu', message: /other-form/ },
    ],
    [
      'a stale form version',
      async () => buildFormWorkbook(def, { ...ctx, version: 2 }),
      { code: 'stale_version', sheet: '_kesu', message: /第 2 版表单生成的，当前表单为第 3 版/ },
    ],
    [
      'the hidden sheet deleted',
      async () => edit(filled, (wb) => wb.removeWorksheet(sheet(wb, '_kesu').id)),
      { code: 'missing_metadata', sheet: '_kesu', message: /缺少隐藏的「_kesu」工作表/ },
    ],
    [
      'the format marker changed',
      async () => edit(filled, (wb) => (sheet(wb, '_kesu').getCell('B1').value = 'something-else')),
      { code: 'unknown_format', sheet: '_kesu', message: /格式/ },
    ],
    [
      'the main sheet deleted',
      async () => edit(filled, (wb) => wb.removeWorksheet(sheet(wb, '填报表').id)),
      { code: 'missing_sheet', sheet: '填报表', message: /缺少「填报表」/ },
    ],
    [
      'the table sheet deleted',
      async () => edit(filled, (wb) => wb.removeWorksheet(sheet(wb, '活动').id)),
      { code: 'missing_sheet', sheet: '活动', message: /「活动」所在工作表缺失/ },
    ],
    ['corrupted bytes inside the zip', async () => corrupt(filled), { code: 'malformed', message: /文件已损坏/ }],
    [
      'random bytes',
      async () => new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)),
      { code: 'not_xlsx', message: /不是有效的 Excel/ },
    ],
    [
      'a PDF',
      async () => new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n')),
      { code: 'not_xlsx', message: /这是 PDF 文件/ },
    ],
    [
      'an old .xls file',
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]),
      { code: 'not_xlsx', message: /旧版 Excel（\.xls）/ },
    ],
    ['an empty buffer', async () => new Uint8Array(0), { code: 'not_xlsx', message: /文件为空/ }],
    ['a zip bomb', async () => zipBomb(), { code: 'zip_bomb', message: /压缩比异常.*压缩炸弹/ }],
    [
      'a zip bomb that understates its size',
      async () => zipBomb(2000),
      { code: 'zip_bomb', message: /比声明的大小更大/ },
    ],
    [
      'a zip that is not a workbook',
      async () => zipOf('readme.txt', 'hello'),
      { code: 'missing_metadata', message: /_kesu/ },
    ],
  ];

  it.each(cases)('rejects %s with one error', async (_name, bytes, want) => {
    const errors = failed(await readFormWorkbook(await bytes(), def, expected));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: want.code, ...(want.sheet ? { sheet: want.sheet } : {}) });
    expect(errors[0]?.message).toMatch(want.message);
    expect(errors[0]?.messageEn).toMatch(/[A-Za-z]/);
  });

  it('points a version mismatch at the _kesu cell holding the version', async () => {
    const errors = failed(await readFormWorkbook(await buildFormWorkbook(def, { ...ctx, version: 2 }), def, expected));
    expect(errors[0]).toMatchObject({
      sheet: '_kesu',
      cell: 'B4',
      messageEn: expect.stringMatching(/version 2 of the form, but the form is now version 3/),
    });
  });

  it('finds a renamed table sheet by its hidden column ids', async () => {
    const bytes = await edit(filled, (wb) => (sheet(wb, '活动').name = '活动明细'));
    expect(await readFormWorkbook(bytes, def, expected)).toMatchObject({ ok: true });
  });
});

/** A copy of a workbook with the compressed bytes of its largest part overwritten. */
function corrupt(bytes: Buffer): Uint8Array {
  const copy = Buffer.from(bytes);
  const eocd = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = copy.readUInt32LE(eocd + 16);
  let biggest = { offset: 0, size: 0 };
  for (let i = 0; i < copy.readUInt16LE(eocd + 10); i++) {
    const size = copy.readUInt32LE(at + 20);
    if (size > biggest.size) biggest = { offset: copy.readUInt32LE(at + 42), size };
    at += 46 + copy.readUInt16LE(at + 28) + copy.readUInt16LE(at + 30) + copy.readUInt16LE(at + 32);
  }
  const data = biggest.offset + 30 + copy.readUInt16LE(biggest.offset + 26) + copy.readUInt16LE(biggest.offset + 28);
  copy.fill(0xff, data + 10, data + Math.min(biggest.size - 10, 400));
  return new Uint8Array(copy);
}

function zipOf(name: string, content: string): Uint8Array {
  const data = Buffer.from(content);
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(data.byteLength, 22);
  local.writeUInt16LE(file.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(data.byteLength, 24);
  central.writeUInt16LE(file.byteLength, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + file.byteLength, 12);
  end.writeUInt32LE(30 + file.byteLength + data.byteLength, 16);
  return new Uint8Array(Buffer.concat([local, file, data, central, file, end]));
}
