import { statusLabels, type ProgressStatus } from '@kesu/analytics';
import { reportSubtitle, type Lang } from '@kesu/analytics/charts';
import {
  describeActual,
  formatBeijingDateTime,
  formatQuantity,
  formatRange,
  periodWords,
  targetScopes,
} from '@kesu/schema';
import { drawCharts, type DrawnChart } from './chart-images.js';
import type { FinalEvaluation, FinalTarget } from './final-data.js';
import { FINAL_WORDS } from './final-words.js';

export interface TableCell {
  text: string;
  /** A verdict cell, coloured by it. */
  status?: ProgressStatus;
  numeric?: boolean;
}

/** What the evaluation says, in order; the Word and the HTML writers each lay it out. */
export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** `widths` in shares of the text width, summing to 1; `total` marks the last row as a sum. */
  | { kind: 'table'; head: string[]; widths: number[]; rows: TableCell[][]; total?: boolean }
  | { kind: 'chart'; chart: DrawnChart; caption: string };

export interface FinalDocument {
  lang: Lang;
  /** The title in the lines it is set in. */
  title: string[];
  /** The title and term on one line, for a window or the file's properties. */
  fullTitle: string;
  term: string;
  /** Lines under the title: the plan, the time judged, when the document was generated. */
  meta: string[];
  blocks: Block[];
  /** The file name a download suggests, without extension. */
  fileName: string;
}

/** The order missed targets are listed in: the furthest from their value first. */
const MISSED_ORDER: ProgressStatus[] = ['behind', 'at_risk', 'no_data', 'on_track'];
const STATUS_ORDER: ProgressStatus[] = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'];

const percent = (part: number, whole: number, lang: Lang) =>
  whole === 0 ? '—' : formatQuantity((part / whole) * 100, '%', { lang });
const rate = (value: number, lang: Lang) => formatQuantity(value, '%', { lang, digits: 2 });

/** The value a target sets, as the plan words it: 不少于2,000名, 1–2项, 2023年底前完成. */
export function goalText(t: FinalTarget, lang: Lang): string {
  const w = FINAL_WORDS[lang];
  if (targetScopes[t.scope].actual === 'done') return w.milestone(t.deadline);
  const amount =
    t.valueMax === null
      ? formatQuantity(t.value, t.unit, { lang })
      : formatRange(t.value, t.valueMax, t.unit, { lang });
  const goal = `${w.comparator[t.comparator] ?? ''}${amount}`;
  return t.perUnit === null ? goal : `${goal}${w.perUnit(t.perUnit)}`;
}

const verdict = (status: ProgressStatus, lang: Lang): TableCell => ({ text: statusLabels[status][lang], status });
const rule = (t: FinalTarget, lang: Lang) => (lang === 'zh' ? t.ruleZh : t.ruleEn) ?? '—';

function overview(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  const total = data.targets.length;
  if (total === 0) return [{ kind: 'paragraph', text: w.noTargets }];
  const counts = STATUS_ORDER.map((s) => [s, data.targets.filter((t) => t.status === s).length] as const);
  const achieved = counts.find(([s]) => s === 'achieved')?.[1] ?? 0;
  const listed = counts.filter(([, n]) => n > 0).map(([s, n]) => w.countItem(statusLabels[s][lang], n));
  return [
    {
      kind: 'paragraph',
      text: w.summary(total, listed.join(lang === 'zh' ? '，' : ', '), percent(achieved, total, lang)),
    },
    {
      kind: 'table',
      head: [w.verdict, w.count, w.share],
      widths: [0.5, 0.25, 0.25],
      rows: [
        ...counts.map(([s, n]) => [
          verdict(s, lang),
          { text: String(n), numeric: true },
          { text: percent(n, total, lang), numeric: true },
        ]),
        [
          { text: w.total },
          { text: String(total), numeric: true },
          { text: percent(total, total, lang), numeric: true },
        ],
      ],
      total: true,
    },
  ];
}

function literacy(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  const { baseline, final, status } = data.literacy;
  const goal = data.plan.literacyTarget === null ? '—' : rate(data.plan.literacyTarget, lang);
  const reading = (r: { period: string; value: number } | null) =>
    r === null
      ? '—'
      : lang === 'zh'
        ? `${rate(r.value, lang)}（${periodWords(r.period, lang)}）`
        : `${rate(r.value, lang)} (${periodWords(r.period, lang)})`;
  const blocks: Block[] = [
    { kind: 'paragraph', text: data.plan.literacyTarget === null ? w.literacyNone : w.literacyIntro(goal) },
  ];
  if (final === null && data.plan.literacyTarget !== null) blocks.push({ kind: 'paragraph', text: w.literacyNone });
  blocks.push({
    kind: 'table',
    head: [w.indicator, w.baseline, w.finalValue, w.goal, w.stretch, w.verdict],
    widths: [0.26, 0.15, 0.15, 0.12, 0.14, 0.18],
    rows: [
      [
        { text: w.literacyItem },
        { text: reading(baseline), numeric: true },
        { text: reading(final), numeric: true },
        { text: goal, numeric: true },
        {
          text: data.plan.literacyStretch === null ? w.noStretch : rate(data.plan.literacyStretch, lang),
          numeric: true,
        },
        status === null ? { text: '—' } : verdict(status, lang),
      ],
    ],
  });
  return blocks;
}

function targetTables(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  if (data.targets.length === 0) return [{ kind: 'paragraph', text: w.noTargets }];
  return data.sections.flatMap((section, i): Block[] => [
    { kind: 'heading', level: 2, text: w.sectionTitle(i + 1, section.title) },
    {
      kind: 'table',
      head: [w.no, w.target, w.goal, w.actual, w.verdict, w.rule],
      widths: [0.07, 0.3, 0.14, 0.11, 0.13, 0.25],
      rows: section.targets.map((t) => [
        { text: String(t.number), numeric: true },
        { text: t.text },
        { text: goalText(t, lang) },
        { text: describeActual(t, lang), numeric: true },
        verdict(t.status, lang),
        { text: rule(t, lang) },
      ]),
    },
  ]);
}

function missed(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  const rows = data.targets
    .filter((t) => t.status !== 'achieved')
    .sort((a, b) => MISSED_ORDER.indexOf(a.status) - MISSED_ORDER.indexOf(b.status) || a.number - b.number);
  if (rows.length === 0) return [{ kind: 'paragraph', text: data.targets.length === 0 ? w.noTargets : w.missedNone }];
  return [
    { kind: 'paragraph', text: w.missedIntro(rows.length) },
    {
      kind: 'table',
      head: [w.no, w.target, w.verdict, w.actualOfGoal, w.leadUnits],
      widths: [0.07, 0.36, 0.13, 0.2, 0.24],
      rows: rows.map((t) => [
        { text: String(t.number), numeric: true },
        { text: t.text },
        verdict(t.status, lang),
        { text: `${describeActual(t, lang)} / ${goalText(t, lang)}` },
        { text: t.leadUnits === '' ? w.noLead : t.leadUnits },
      ]),
    },
  ];
}

function departments(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  if (data.departments.length === 0) return [{ kind: 'paragraph', text: w.departmentsNone }];
  const sum = (key: 'assigned' | 'onTime' | 'late' | 'missing' | 'approved') =>
    data.departments.reduce((n, d) => n + d[key], 0);
  const figures = (assigned: number, onTime: number, late: number, missing: number, approved: number): TableCell[] =>
    [assigned, onTime, late, missing, approved]
      .map((n) => ({ text: String(n), numeric: true }) as TableCell)
      .concat({ text: percent(onTime, assigned, lang), numeric: true });
  return [
    { kind: 'paragraph', text: w.departmentsIntro(data.departments.length, data.plan.start, data.plan.end) },
    {
      kind: 'table',
      head: [w.unit, w.assigned, w.onTime, w.late, w.missing, w.approved, w.onTimeRate],
      widths: [0.27, 0.1, 0.13, 0.13, 0.1, 0.12, 0.15],
      rows: [
        ...data.departments.map((d) => [
          // A unit of a sub-region is named with its region: 教育局 alone says nothing at a prefecture.
          {
            text:
              d.regionCode === data.region.code || d.department.startsWith(d.regionName)
                ? d.department
                : `${d.regionName} ${d.department}`,
          },
          ...figures(d.assigned, d.onTime, d.late, d.missing, d.approved),
        ]),
        [{ text: w.total }, ...figures(sum('assigned'), sum('onTime'), sum('late'), sum('missing'), sum('approved'))],
      ],
      total: true,
    },
  ];
}

function charts(data: FinalEvaluation, lang: Lang): Block[] {
  const w = FINAL_WORDS[lang];
  const drawn = drawCharts(data.charts, lang, reportSubtitle(data.region.name, data.plan.end, lang));
  return [
    { kind: 'paragraph', text: w.chartsIntro },
    ...drawn.map((chart, i): Block => ({ kind: 'chart', chart, caption: w.figure(i + 1, chart.title) })),
  ];
}

/** The final evaluation as headings, paragraphs, tables and charts, in the order it is read. */
export function buildFinalDocument(data: FinalEvaluation, lang: Lang, generatedAt: Date): FinalDocument {
  const w = FINAL_WORDS[lang];
  const parts = [overview, literacy, targetTables, missed, departments, charts];
  return {
    lang,
    title: [...w.title(data.region.name)],
    term: w.term(data.plan.start, data.plan.end),
    fullTitle:
      `${w.title(data.region.name).join(lang === 'zh' ? '' : ': ')}${lang === 'zh' ? '' : ' '}` +
      `${w.term(data.plan.start, data.plan.end)}`,
    meta: [w.planLine(data.plan.title), w.asOfLine(data.plan.end), w.generatedLine(formatBeijingDateTime(generatedAt))],
    blocks: parts.flatMap((part, i) => [
      { kind: 'heading', level: 1, text: w.numbered(i + 1, w.headings[i] ?? '') } as Block,
      ...part(data, lang),
    ]),
    fileName: lang === 'zh' ? `${data.region.code}-终期评估` : `${data.region.code}-final-evaluation`,
  };
}
