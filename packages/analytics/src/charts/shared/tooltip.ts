import type { TooltipComponentFormatterCallbackParams } from 'echarts';
import { escapeHtml, type Lang } from './lang.js';

/** The row a tooltip is about: the data index of the (first) item it was opened on. */
export function hoveredIndex(params: TooltipComponentFormatterCallbackParams): number {
  const first = Array.isArray(params) ? params[0] : params;
  return first?.dataIndex ?? 0;
}

/** A tooltip body: the heading in bold (escaped), then one line per entry. */
export function tooltipHtml(heading: string, lines: string[]): string {
  return [`<b>${escapeHtml(heading)}</b>`, ...lines].join('<br/>');
}

/** A tooltip line, `label：value` punctuated as the language writes it. */
export function entry(label: string, value: string, lang: Lang): string {
  return lang === 'zh' ? `${label}：${value}` : `${label}: ${value}`;
}

/** A remark after a value in brackets, as the language writes them: （76%） or (76%). */
export function aside(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}
