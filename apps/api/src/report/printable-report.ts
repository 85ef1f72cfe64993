import { renderSvg, statusLabels, type ProgressStatus } from '@kesu/analytics';
import { COMPARISON_REPORT_IDS, dashboardHeight, OWN_REPORT_IDS, reports, type ReportId } from '@kesu/analytics/charts';
import {
  formatBeijingDateTime,
  formatGoal,
  formatNumber,
  formatQuantity,
  periodWords,
  actualUnitOf,
  type Comparator,
  type TargetScope,
  type Region,
} from '@kesu/schema';
import type { ReportData } from './report-data.js';

export type Lang = 'zh' | 'en';

const escapeHtml = (text: unknown) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

const WORDS = {
  zh: {
    title: '全民科学素质行动实施进展报告',
    year: '年度',
    generated: '生成时间',
    beijing: '（北京时间）',
    asOf: '数据截至',
    summary: '目标完成情况',
    colon: '：',
    target: '目标',
    goal: '目标值',
    actual: '实际值',
    status: '状态',
    rule: '判定依据',
    charts: '下级地区对比',
    own: '本地区情况',
    completion: '各部门填报情况',
    fn: '部门职能',
    assigned: '应报',
    submitted: '已报',
    approved: '已审核',
    late: '逾期',
    lateList: '逾期与未报清单',
    region: '地区',
    department: '单位',
    period: '报告期',
    due: '截止日期',
    none: '无',
    count: '个',
    leaf: '本地区没有下级地区，不作地区间对比图；本地区情况见下。',
  },
  en: {
    title: 'Science Literacy Action: Progress Report',
    year: 'Year',
    generated: 'Generated',
    beijing: '(Beijing time)',
    asOf: 'Data as of',
    summary: 'Targets by status',
    colon: ': ',
    target: 'Target',
    goal: 'Target value',
    actual: 'Actual',
    status: 'Status',
    rule: 'Rule',
    charts: 'Sub-regions compared',
    own: 'The region itself',
    completion: 'Reporting by department',
    fn: 'Function',
    assigned: 'Due',
    submitted: 'Submitted',
    approved: 'Approved',
    late: 'Late',
    lateList: 'Late and missing reports',
    region: 'Region',
    department: 'Unit',
    period: 'Period',
    due: 'Due',
    none: 'None',
    count: '',
    leaf: 'This region has no sub-regions to compare; its own charts follow.',
  },
} as const;

const STATUS_ORDER: ProgressStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'];

/** What became of a late report, as the late list says it. */
const SUBMISSION_STATUS: Record<string, Record<Lang, string>> = {
  missing: { zh: '未报', en: 'missing' },
  draft: { zh: '草稿未提交', en: 'draft, not submitted' },
  submitted: { zh: '已提交（逾期）', en: 'submitted late' },
  returned: { zh: '已退回待修改', en: 'returned for changes' },
  approved: { zh: '已审核（逾期提交）', en: 'approved (submitted late)' },
};

const CSS = `
  @page { size: A4; margin: 16mm 14mm; }
  body {
    font-family: "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif;
    color: #1f2933; font-size: 10.5pt; margin: 0;
  }
  .cover {
    height: 250mm; display: flex; flex-direction: column; justify-content: center; text-align: center;
    page-break-after: always;
  }
  .cover h1 { font-size: 24pt; margin: 0 0 8mm; } .cover .region { font-size: 18pt; margin-bottom: 4mm; }
  .cover .meta { color: #52606d; }
  h2 {
    font-size: 14pt; border-bottom: 2px solid #1f6feb; padding-bottom: 2mm; margin-top: 8mm;
    break-after: avoid; page-break-after: avoid;
  }
  table { width: 100%; border-collapse: collapse; margin: 3mm 0; page-break-inside: auto; }
  th, td { border: 1px solid #cbd2d9; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  th { background: #f0f4f8; } tr { page-break-inside: avoid; } td.n { text-align: right; white-space: nowrap; }
  .chips { display: flex; gap: 3mm; flex-wrap: wrap; margin: 3mm 0; }
  .chip { padding: 1mm 3mm; border-radius: 3mm; color: #fff; font-weight: bold; }
  .achieved { background: #2f9e44; } .on_track { background: #1f6feb; } .at_risk { background: #e8890c; }
  .behind { background: #d6336c; } .no_data { background: #8a94a6; }
  .status { white-space: nowrap; font-weight: bold; }
  .status.achieved, .status.on_track, .status.at_risk, .status.behind, .status.no_data { background: none; }
  .status.achieved { color: #2f9e44; } .status.on_track { color: #1f6feb; } .status.at_risk { color: #e8890c; }
  .status.behind { color: #d6336c; } .status.no_data { color: #8a94a6; }
  .chart { page-break-inside: avoid; margin: 4mm 0; } .chart svg { width: 100%; height: auto; }
  .rule { color: #52606d; font-size: 9pt; }
`;

function table(head: string[], rows: string[][]): string {
  const headCells = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const bodyRows = rows.map((r) => `<tr>${r.join('')}</tr>`).join('');
  return `<table><thead><tr>${headCells}</tr></thead><tbody>${bodyRows}</tbody></table>`;
}

function targetSection(data: ReportData, lang: Lang): string {
  const w = WORDS[lang];
  const counts = STATUS_ORDER.map((s) => [s, data.targets.filter((t) => t['status'] === s).length] as const);
  const chip = ([s, n]: (typeof counts)[number]) =>
    `<span class="chip ${s}">${escapeHtml(statusLabels[s][lang])} ${n}${w.count}</span>`;
  const chips = `<div class="chips">${counts.map(chip).join('')}</div>`;
  const rows = data.targets.map((t) => {
    const status = String(t['status']) as ProgressStatus;
    const unit = t['unit'] === null ? null : String(t['unit']);
    const actual =
      t['actual'] === null
        ? '—'
        : formatQuantity(Number(t['actual']), actualUnitOf({ scope: t['scope'] as TargetScope, unit }), { lang });
    return [
      `<td>${escapeHtml(t['metric'])}</td>`,
      `<td class="n">${escapeHtml(formatGoal(t['comparator'] as Comparator, Number(t['value']), unit, { lang }))}</td>`,
      `<td class="n">${escapeHtml(actual)}</td>`,
      `<td class="status ${status}">${escapeHtml(statusLabels[status][lang])}</td>`,
      `<td class="rule">${escapeHtml(lang === 'zh' ? t['rule_zh'] : t['rule_en'])}</td>`,
    ];
  });
  const body = rows.length === 0 ? `<p>${w.none}</p>` : table([w.target, w.goal, w.actual, w.status, w.rule], rows);
  return `<h2>${w.summary}</h2>${chips}${body}`;
}

/** The charts of the given reports, each drawn at the height its rows need. */
function charts(data: ReportData, ids: readonly ReportId[], lang: Lang, subtitle: string): string {
  return data.charts
    .filter(({ id }) => ids.includes(id))
    .map(({ id, rows }) => {
      const options = reports[id].options(rows, { lang, subtitle });
      const size = { width: reports[id].size.width, height: dashboardHeight(id, rows) };
      return `<div class="chart">${renderSvg(options, size)}</div>`;
    })
    .join('');
}

function chartSection(data: ReportData, lang: Lang, subtitle: string): string {
  const w = WORDS[lang];
  // Comparisons need sub-regions: a county has none, and its own charts say what there is to say.
  const comparisons = data.subRegions === 0 ? `<p>${w.leaf}</p>` : charts(data, COMPARISON_REPORT_IDS, lang, subtitle);
  return `<h2>${w.charts}</h2>${comparisons}<h2>${w.own}</h2>${charts(data, OWN_REPORT_IDS, lang, subtitle)}`;
}

function completionSection(data: ReportData, lang: Lang): string {
  const w = WORDS[lang];
  const rows = data.completion.map((r) => [
    `<td>${escapeHtml(lang === 'zh' ? r['function_zh'] : r['function_en'])}</td>`,
    ...['assigned', 'submitted', 'approved', 'late'].map(
      (k) => `<td class="n">${formatNumber(Number(r[k]), { lang, exact: true })}</td>`,
    ),
  ]);
  const late = data.late.map((r) => [
    `<td>${escapeHtml(r['region'])}</td>`,
    `<td>${escapeHtml(r['department'])}</td>`,
    `<td>${escapeHtml(periodWords(String(r['period']), lang))}</td>`,
    `<td>${escapeHtml(r['due_date'])}</td>`,
    `<td>${escapeHtml(SUBMISSION_STATUS[String(r['status'])]?.[lang] ?? r['status'])}</td>`,
  ]);
  const none = `<p>${w.none}</p>`;
  const completion = rows.length === 0 ? none : table([w.fn, w.assigned, w.submitted, w.approved, w.late], rows);
  const lateTable = late.length === 0 ? none : table([w.region, w.department, w.period, w.due, w.status], late);
  return `<h2>${w.completion}</h2>${completion}` + `<h2>${w.lateList}</h2>${lateTable}`;
}

/** An A4 report for a region and year that prints cleanly: cover, targets by status, charts as SVG, reporting. */
export function renderReportHtml(data: ReportData, region: Region, lang: Lang, generatedAt: Date): string {
  const w = WORDS[lang];
  const asOf = data.targets.find((t) => t['as_of'])?.['as_of'];
  const year = periodWords(String(data.year), lang);
  const subtitle = `${region.name} · ${year}`;
  const htmlLang = lang === 'zh' ? 'zh-CN' : 'en';
  const title = escapeHtml(`${region.name} ${w.title} ${data.year}`);
  const asOfText = escapeHtml(asOf ? periodWords(String(asOf), lang) : '—');
  const generated = escapeHtml(formatBeijingDateTime(generatedAt));
  return `<!doctype html>
<html lang="${htmlLang}"><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>
<body>
<section class="cover"><h1>${w.title}</h1><div class="region">${escapeHtml(subtitle)}</div>
<div class="meta">${w.asOf}${w.colon}${asOfText} · ${w.generated}${w.colon}${generated} ${w.beijing}</div></section>
${targetSection(data, lang)}
${chartSection(data, lang, subtitle)}
${completionSection(data, lang)}
</body></html>
`;
}
