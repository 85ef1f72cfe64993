import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  dashboardHeight,
  REPORT_IDS,
  reports,
  reportSubtitle,
  targetProgressQuery,
  targetRollupQuery,
} from '@kesu/analytics/charts';
import {
  codeLabels,
  renderSvg,
  SandboxError,
  targetContributions,
  WAREHOUSE_TABLES,
  type ParquetExport,
  type SandboxResult,
} from '@kesu/analytics';
import {
  ContributionsQuery,
  PrintQuery,
  ProgressQuery,
  ReportData,
  ReportQuery,
  ReportSummary,
  resultFileName,
  SqlBody,
  SqlCheck,
  SqlExportBody,
  SqlResult,
  TargetContributions,
  TargetProgressRow,
  TargetRollupRow,
  WarehouseBuild,
  WarehouseBuildBody,
  WarehouseTable,
  type SqlProblem,
  type User,
} from '@kesu/schema';
import { canSeeRegion, requireRole } from '../auth/middleware.js';
import type { AppContext } from '../context.js';
import { contentDisposition } from '../http/content-disposition.js';
import { Failure, forbidden, notFound } from '../http/failure.js';
import { jsonContent, refusals, router } from '../http/openapi.js';
import { resultWorkbook } from '../analytics/result-workbook.js';
import { warehouseReader } from '../analytics/warehouse-reader.js';
import { loadReportData } from '../report/report-data.js';
import { renderReportHtml } from '../report/printable-report.js';
import { finalEvaluationResponse, outsideScope } from '../report/final-evaluation/final-response.js';
import { renderPdf } from '../report/pdf.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PARQUET = 'application/vnd.apache.parquet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// The report ids are the analytics' own registry of report builders, so this one shape stays with the route.
const ReportParams = z.object({ id: z.enum(REPORT_IDS) });
/** Without a year, each target's latest verdict: no plan runs past this. */
const LATEST_YEAR = 2100;

/** Whose rows a user's SQL may read: the office sees the country, everyone else their region tree. */
function sqlScope(user: User): string | null {
  if (user.role === 'admin') return null;
  if (user.regionCode === null) throw forbidden();
  return user.regionCode;
}

/** Queries that were fine to run but stopped at a limit (time, memory). */
const STOPPED_AT_A_LIMIT = new Set(['timeout', 'out_of_memory', 'engine_stopped']);

function refused(error: SandboxError): Failure {
  // Not 408: browsers silently send a request answered 408 again, so a query stopped at its
  // 10 s limit would run twice and the limit reach the person after 20 s.
  const status = STOPPED_AT_A_LIMIT.has(error.code) ? 422 : error.code === 'no_lake' ? 409 : 400;
  const problems: SqlProblem[] =
    error.problems.length > 0
      ? error.problems
      : [{ code: error.code, message: error.zh, messageEn: error.en, position: null }];
  const details = problems.map((p) => ({
    path: 'sql',
    code: p.code,
    message: p.message,
    messageEn: p.messageEn,
    ...(p.position === null ? {} : { position: p.position }),
    ...(p.original === undefined ? {} : { original: p.original }),
  }));
  return new Failure(status, error.code, error.zh, error.en, details);
}

/** The exported file as a stream; its folder goes once the file is open (or the stream fails). */
function parquetStream(exported: ParquetExport): ReadableStream<Uint8Array> {
  const file = createReadStream(exported.file);
  file.once('open', exported.remove);
  file.once('close', exported.remove);
  return Readable.toWeb(file) as ReadableStream<Uint8Array>;
}

/**
 * Headers of a downloaded result: its name (the saved query's title and the Beijing day, an ASCII
 * stand-in for old clients), and how many rows it holds and whether more matched.
 */
function download(
  type: string,
  format: string,
  title: string | undefined,
  rows: number,
  truncated: boolean,
): Record<string, string> {
  const now = new Date();
  return {
    'content-type': type,
    'content-disposition': contentDisposition(
      'attachment',
      resultFileName(title, format, now),
      resultFileName('query-result', format, now),
    ),
    'x-kesu-rows': String(rows),
    'x-kesu-truncated': String(truncated),
  };
}

/** The region whose tree filtered a result, named. */
function scopeOf(ctx: AppContext, result: SandboxResult): SqlResult['scope'] {
  if (result.scopedTo === null) return null;
  return { code: result.scopedTo, name: ctx.regions.get(result.scopedTo)?.name ?? result.scopedTo };
}

const listWarehouseTablesRoute = createRoute({
  method: 'get',
  path: '/warehouse/tables',
  tags: ['analytics'],
  summary: '数据仓库表说明 / the documented warehouse tables',
  middleware: [requireRole('watch')] as const,
  responses: { 200: jsonContent(z.array(WarehouseTable), 'tables with column descriptions') },
});

const buildWarehouseRoute = createRoute({
  method: 'post',
  path: '/warehouse/build',
  tags: ['analytics'],
  summary: '刷新数据仓库与数据湖 / build the warehouse and the lake',
  middleware: [requireRole('office')] as const,
  request: { body: jsonContent(WarehouseBuildBody) },
  responses: {
    200: jsonContent(WarehouseBuild, 'built'),
  },
});

const checkSqlRoute = createRoute({
  method: 'post',
  path: '/sql/check',
  tags: ['analytics'],
  summary: '检查 SQL（不执行）/ check a query without running it',
  middleware: [requireRole('analyse')] as const,
  request: { body: jsonContent(SqlBody) },
  responses: {
    200: jsonContent(SqlCheck, 'problems found, empty when it may run'),
  },
});

const runSqlRoute = createRoute({
  method: 'post',
  path: '/sql',
  tags: ['analytics'],
  summary: '执行只读 SQL（限本辖区数据）/ run read-only SQL within your region tree',
  middleware: [requireRole('analyse')] as const,
  request: { body: jsonContent(SqlBody) },
  responses: {
    ...refusals(409, 422, 429),
    200: jsonContent(SqlResult, 'the rows (at most 100,000 and about 32 MB)'),
  },
});

const exportSqlRoute = createRoute({
  method: 'post',
  path: '/sql/export',
  tags: ['analytics'],
  summary:
    '导出查询结果（XLSX 或 Parquet，限制同查询）/ export a query’s rows as XLSX or Parquet, under the same limits',
  description:
    'The file is named after `title` (the saved query’s) and the day in Beijing, ' +
    'e.g. 各市培训人次-2026-12-05.xlsx; 查询结果-2026-12-05.xlsx without a title.',
  middleware: [requireRole('analyse')] as const,
  request: { body: jsonContent(SqlExportBody) },
  responses: {
    ...refusals(409, 422, 429),
    200: {
      content: {
        [XLSX]: { schema: z.string().meta({ description: 'xlsx bytes' }) },
        [PARQUET]: { schema: z.string().meta({ description: 'parquet bytes' }) },
      },
      description: 'the file; X-Kesu-Rows and X-Kesu-Truncated tell its size',
    },
  },
});

const listReportsRoute = createRoute({
  method: 'get',
  path: '/reports',
  tags: ['analytics'],
  summary: '报表列表 / the reports',
  middleware: [requireRole('watch')] as const,
  responses: { 200: jsonContent(z.array(ReportSummary), 'reports') },
});

const reportDataRoute = createRoute({
  method: 'get',
  path: '/reports/{id}',
  tags: ['analytics'],
  summary:
    '报表数据：下级地区对比（可附 SVG 图）/ a report over the children of a region, with its chart as SVG on request',
  middleware: [requireRole('watch')] as const,
  request: { params: ReportParams, query: ReportQuery },
  responses: {
    200: jsonContent(ReportData, 'rows for the report builder, and the chart when a width was given'),
  },
});

const printReportRoute = createRoute({
  method: 'get',
  path: '/print',
  tags: ['analytics'],
  summary:
    '可打印报告：年度进展报告或终期评估（A4 HTML、PDF，终期评估另有 Word）/ ' +
    'the printable progress report or final evaluation (A4 HTML, PDF; the final evaluation also as Word)',
  description:
    'kind=final: a plan whose term has not ended answers 409 plan_not_ended (use kind=progress), ' +
    'a region without a plan 404 no_plan, a year outside every plan of the region 400 year_outside_plan. ' +
    'Word comes as an attachment named e.g. 510104-终期评估.docx.',
  middleware: [requireRole('watch')] as const,
  request: { query: PrintQuery },
  responses: {
    // 404: no such region, or no plan for the final evaluation; 503: no browser to print the PDF.
    ...refusals(404, 409, 503),
    200: {
      content: {
        'text/html': { schema: z.string() },
        'application/pdf': { schema: z.string().meta({ description: 'PDF bytes' }) },
        [DOCX]: { schema: z.string().meta({ description: 'Word bytes' }) },
      },
      description: 'the report in the format asked for',
    },
  },
});

const targetProgressRoute = createRoute({
  method: 'get',
  path: '/progress',
  tags: ['analytics'],
  summary: '目标进度及判定依据 / target progress with the rule behind each status',
  middleware: [requireRole('watch')] as const,
  request: { query: ProgressQuery },
  responses: {
    200: jsonContent(z.array(TargetProgressRow), 'targets of the region’s plans with their status'),
  },
});

const targetRollupRoute = createRoute({
  method: 'get',
  path: '/progress/rollup',
  tags: ['analytics'],
  summary:
    '本地区及下辖各级规划的目标完成情况 / how the targets of the region’s own plans and of the plans below stand, by level',
  middleware: [requireRole('watch')] as const,
  request: { query: ProgressQuery },
  responses: {
    200: jsonContent(z.array(TargetRollupRow), 'one row per level: own, province, prefecture, county'),
  },
});

const targetContributionsRoute = createRoute({
  method: 'get',
  path: '/progress/contributions',
  tags: ['analytics'],
  summary: '目标实际值由哪些单位的数值构成 / the units’ values behind a target’s actual',
  description:
    'Each unit’s value as the verdict of the year counted it: ' +
    'stocks at each unit’s latest period (carried: reported earlier), flows of every period read, ' +
    'with values far from the unit’s own history marked.',
  middleware: [requireRole('watch')] as const,
  request: { query: ContributionsQuery },
  responses: { 200: jsonContent(TargetContributions, 'the values behind the actual'), ...refusals(404) },
});

/** The warehouse's documentation, statisticians' SQL, the report datasets and target progress. */
export function analyticsRoutes(ctx: AppContext) {
  return router()
    .openapi(listWarehouseTablesRoute, (c) =>
      c.json(
        WAREHOUSE_TABLES.map((t) => ({
          ...t,
          columns: t.columns.map((col) => ({ ...col, labels: codeLabels(t.name, col.name) })),
        })) as WarehouseTable[],
        200,
      ),
    )
    .openapi(buildWarehouseRoute, async (c) => {
      const { build, lake } = await ctx.analytics.build({ full: c.req.valid('json').full });
      return c.json(
        {
          kind: build.kind,
          ms: build.ms,
          assignments: build.assignments,
          valueRows: build.valueRows,
          lakeRows: lake.rows,
          lakeMs: lake.ms,
        },
        200,
      );
    })
    .openapi(checkSqlRoute, async (c) => {
      sqlScope(c.get('user'));
      const sandbox = await ctx.analytics.sandbox();
      return c.json({ problems: await sandbox.check(c.req.valid('json').sql) }, 200);
    })
    .openapi(runSqlRoute, async (c) => {
      const scope = sqlScope(c.get('user'));
      const sandbox = await ctx.analytics.sandbox();
      let result: SandboxResult;
      const release = await ctx.analytics.queries.enter(c.get('user').id);
      try {
        // A client that goes away cancels its query.
        result = await sandbox.query(c.req.valid('json').sql, scope, c.req.raw.signal);
      } catch (error) {
        if (error instanceof SandboxError) throw refused(error);
        throw error;
      } finally {
        release();
      }
      return c.json(
        {
          columns: result.columns,
          rows: result.rows,
          truncated: result.truncated,
          ms: result.ms,
          scope: scopeOf(ctx, result),
        },
        200,
      );
    })
    .openapi(exportSqlRoute, async (c) => {
      const scope = sqlScope(c.get('user'));
      const { sql, format, title } = c.req.valid('json');
      const sandbox = await ctx.analytics.sandbox();
      const release = await ctx.analytics.queries.enter(c.get('user').id);
      try {
        if (format === 'xlsx') {
          const result = await sandbox.query(sql, scope, c.req.raw.signal);
          return c.body(
            resultWorkbook(result),
            200,
            download(XLSX, format, title, result.rows.length, result.truncated),
          );
        }
        const exported = await sandbox.exportParquet(sql, scope, c.req.raw.signal);
        return c.body(
          parquetStream(exported),
          200,
          download(PARQUET, format, title, exported.rows, exported.truncated),
        );
      } catch (error) {
        if (error instanceof SandboxError) throw refused(error);
        throw error;
      } finally {
        release();
      }
    })
    .openapi(listReportsRoute, (c) =>
      c.json(
        REPORT_IDS.map((id) => ({ id, title: reports[id].title })),
        200,
      ),
    )
    .openapi(reportDataRoute, async (c) => {
      const { parent, year, width, lang } = c.req.valid('query');
      if (!canSeeRegion(c.get('user'), parent)) throw forbidden();
      const id = c.req.valid('param').id;
      const report = reports[id];
      const { sql, params } = report.query({ parentCode: parent, year });
      if (width === undefined) return c.json({ rows: await ctx.analytics.query(sql, params as never) }, 200);
      const subtitle = reportSubtitle(ctx.regions.get(parent)?.name ?? parent, year, lang);
      const draw = (rows: object[]) =>
        renderSvg(report.options(rows, { lang, subtitle }), { width, height: dashboardHeight(id, rows) });
      return c.json(await ctx.analytics.queryChart(sql, params as never, `${width}|${lang}`, draw), 200);
    })
    .openapi(printReportRoute, async (c) => {
      const { region, kind, year, format, lang } = c.req.valid('query');
      const place = ctx.regions.get(region);
      if (!place) throw notFound('行政区划', 'region');
      if (!canSeeRegion(c.get('user'), region)) throw outsideScope(place);
      if (kind === 'final')
        return finalEvaluationResponse(ctx, place, { lang, format, ...(year === undefined ? {} : { year }) });
      if (year === undefined)
        throw new Failure(400, 'validation_failed', '进展报告须指定年度（year）', 'the progress report needs a year', [
          { path: 'year', code: 'required', message: '请指定年度', messageEn: 'give a year' },
        ]);
      if (format === 'docx')
        throw new Failure(
          400,
          'validation_failed',
          'Word 格式仅用于终期评估（kind=final）',
          'Word is for the final evaluation only (kind=final)',
          [
            {
              path: 'format',
              code: 'unsupported',
              message: '进展报告只能是 html 或 pdf',
              messageEn: 'the progress report is html or pdf',
            },
          ],
        );
      const html = renderReportHtml(await loadReportData(ctx.analytics, region, year), place, lang, new Date());
      if (format === 'html') return c.html(html, 200);
      return c.body(new Uint8Array(await renderPdf(html)), 200, { 'content-type': 'application/pdf' });
    })
    .openapi(targetProgressRoute, async (c) => {
      const { region, year } = c.req.valid('query');
      if (!canSeeRegion(c.get('user'), region)) throw forbidden();
      const { sql, params } = targetProgressQuery({ parentCode: region, year: year ?? LATEST_YEAR });
      return c.json((await ctx.analytics.query(sql, params as never)) as TargetProgressRow[], 200);
    })
    .openapi(targetRollupRoute, async (c) => {
      const { region, year } = c.req.valid('query');
      if (!canSeeRegion(c.get('user'), region)) throw forbidden();
      const { sql, params } = targetRollupQuery({ parentCode: region, year: year ?? LATEST_YEAR });
      return c.json((await ctx.analytics.query(sql, params as never)) as TargetRollupRow[], 200);
    })
    .openapi(targetContributionsRoute, async (c) => {
      const { target, year } = c.req.valid('query');
      const found = await targetContributions(warehouseReader(ctx.analytics), target, year);
      if (!found) throw notFound('目标', 'target');
      if (!canSeeRegion(c.get('user'), found.regionCode)) throw forbidden();
      return c.json(found, 200);
    });
}
