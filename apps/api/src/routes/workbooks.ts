import { createRoute } from '@hono/zod-openapi';
import {
  IdParam,
  periodWords,
  shiftPeriod,
  Submission,
  WorkbookBytes,
  XLSX_MEDIA_TYPE,
  type AssignmentBase,
} from '@kesu/schema';
import { getSubmission, listAssignments } from '@kesu/store';
import { requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { buildFormWorkbook, readFormWorkbook } from '../excel/form-workbook.js';
import { Failure } from '../http/failure.js';
import { idempotent, jsonContent, refusals, router } from '../http/openapi.js';
import { assignmentAccess } from '../assignments/assignment-access.js';

const templateRoute = createRoute({
  method: 'get',
  path: '/{id}/template.xlsx',
  tags: ['submissions'],
  summary: '下载 Excel 填报模板 / download the Excel template (filled with the current values)',
  request: { params: IdParam },
  responses: {
    200: {
      content: { [XLSX_MEDIA_TYPE]: { schema: WorkbookBytes } },
      description: 'the workbook',
    },
  },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/{id}/upload',
  tags: ['submissions'],
  summary: '上传填好的 Excel（存为草稿）/ upload the filled-in workbook as a draft',
  middleware: [requireRole('report')] as const,
  ...idempotent,
  request: {
    params: IdParam,
    body: { content: { [XLSX_MEDIA_TYPE]: { schema: WorkbookBytes } }, required: true },
  },
  responses: { 200: jsonContent(Submission, 'saved as a draft after commit'), ...refusals(409) },
});

/** The Excel round trip: a template per assignment, filled in offline and uploaded back. */
export function workbookRoutes(ctx: AppContext) {
  const { load, formFor, edit } = assignmentAccess(ctx);
  const region = (code: string) => ctx.regions.get(code)?.name ?? code;

  /** Last period's values of the same unit and form, shown beside each field. */
  const previousValues = async (a: AssignmentBase) => {
    const [earlier] = await ctx.store.reads.read((conn) =>
      listAssignments(conn, { regionCode: a.regionCode, department: a.department, period: shiftPeriod(a.period, -1) }),
    );
    if (!earlier || earlier.formId !== a.formId) return {};
    return (await ctx.store.reads.read((conn) => getSubmission(conn, earlier.id)))?.values ?? {};
  };

  return router()
    .openapi(templateRoute, async (c) => {
      const assignment = await load(c.req.valid('param').id, c.get('user'));
      const form = await formFor(assignment.formId, assignment.version);
      const current = await ctx.store.reads.read((conn) => getSubmission(conn, assignment.id));
      const fields = form.definition.sections.flatMap((s) => s.fields);
      const targets = Object.fromEntries(fields.filter((f) => f.help).map((f) => [f.id, f.help as string]));
      const bytes = await buildFormWorkbook(
        form.definition,
        {
          assignmentId: assignment.id,
          formId: assignment.formId,
          version: assignment.version,
          title: form.definition.title,
          regionName: region(assignment.regionCode),
          departmentName: assignment.department,
          period: assignment.period,
          dueDate: assignment.dueDate,
          targets,
          previous: await previousValues(assignment),
        },
        current?.values ?? {},
      );
      const name = encodeURIComponent(`${assignment.department}-${periodWords(assignment.period)}.xlsx`);
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': XLSX_MEDIA_TYPE,
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
      });
    })
    .openapi(uploadRoute, async (c) => {
      const user = c.get('user');
      const assignment = await load(c.req.valid('param').id, user);
      const form = await formFor(assignment.formId, assignment.version);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const read = await readFormWorkbook(
        bytes,
        form.definition,
        { assignmentId: assignment.id, formId: assignment.formId, version: assignment.version },
        { asDraft: true },
      );
      if (!read.ok) {
        const first = read.errors[0];
        throw new Failure(
          400,
          'workbook_invalid',
          // Each message already names its sheet!cell.
          `Excel 文件有 ${read.errors.length} 处问题${first ? `，例如：${first.message}` : ''}`,
          `${read.errors.length} problem(s) in the workbook${first ? `, e.g. ${first.messageEn}` : ''}`,
          read.errors.map((e) => ({
            path: `${e.sheet}!${e.cell}`,
            code: e.code,
            message: e.message,
            messageEn: e.messageEn,
          })),
        );
      }
      return c.json(await edit(c, assignment.id, { values: read.values, formVersion: read.version }, 'save'), 200);
    });
}
