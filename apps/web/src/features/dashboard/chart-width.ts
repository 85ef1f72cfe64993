import { isNarrow } from '../../lib/narrow-screen';

/**
 * The dashboard's chart grid, in one place for its styles and for the width its charts are
 * drawn at on the server, which is asked before the page (or even the shell) is on screen.
 */
export const CHART_GRID = {
  /** Narrowest column: one chart across at laptop width (21 prefectures need the room), two on wide screens. */
  minColumn: 720,
  gap: 16,
  /**
   * The page's left and right padding, on a wider screen and on a phone: the stylesheets'
   * `--kesu-page-x` (`.page`) reads them as `setPagePadding` sets them.
   */
  pagePadding: 24,
  narrowPagePadding: 12,
  /** A report panel's padding and border on each side, bound to the panel by `DashboardReport`. */
  reportPadding: 8,
  reportBorder: 1,
  /**
   * Narrowest drawing on a phone: narrower, legends and long names
   * crowd the plot; the chart scrolls sideways in its panel instead.
   */
  narrowMinChart: 560,
} as const;

/** Hands the page padding to the stylesheets (`styles/main.css`), which pick the one for the screen. */
export function setPagePadding(root: HTMLElement): void {
  root.style.setProperty('--kesu-page-x-wide', `${CHART_GRID.pagePadding}px`);
  root.style.setProperty('--kesu-page-x-narrow', `${CHART_GRID.narrowPagePadding}px`);
}

let scrollbar: number | null = null;

/**
 * The room the shell's scrolling area keeps for its scrollbar
 * in this browser (0 where scrollbars overlay the page).
 */
function scrollbarWidth(): number {
  if (scrollbar !== null) return scrollbar;
  // Styled as `.shell-content` is: some browsers (headless ones) draw no scrollbar for
  // `overflow: scroll` yet keep a gutter's room.
  const probe = document.createElement('div');
  probe.style.cssText =
    'position:absolute;visibility:hidden;width:100px;height:50px;overflow-y:auto;scrollbar-gutter:stable';
  document.body.append(probe);
  scrollbar = probe.offsetWidth - probe.clientWidth;
  probe.remove();
  return scrollbar;
}

/**
 * The width pages lay out in: the shell's scrolling area once it is on screen,
 * else the window less the sidebar and the scrollbar's room kept beside it.
 */
function contentWidth(): number {
  const content = document.querySelector('.shell-content');
  if (content) return content.clientWidth;
  const sidebar = Number.parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--kesu-sidebar')) || 0;
  return window.innerWidth - sidebar - scrollbarWidth();
}

/** How wide each dashboard chart is drawn for a content area this wide (as the grid's `auto-fit` lays it out). */
export function chartWidth(content: number = contentWidth(), narrow: boolean = isNarrow()): number {
  const { minColumn, gap, reportPadding, reportBorder } = CHART_GRID;
  const reportInset = reportPadding + reportBorder;
  const inner = content - 2 * (narrow ? CHART_GRID.narrowPagePadding : CHART_GRID.pagePadding);
  const columns = Math.max(1, Math.floor((inner + gap) / (minColumn + gap)));
  const column = (inner - gap * (columns - 1)) / columns;
  return Math.max(narrow ? CHART_GRID.narrowMinChart : 240, Math.floor(column - 2 * reportInset));
}
