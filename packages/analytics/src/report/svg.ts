import { init, setPlatformAPI, type EChartsOption } from 'echarts';
import { measureText } from './text-width.js';

// Text is laid out with the widths of the font it is drawn in, not ECharts' guess (see measureText).
setPlatformAPI({ measureText });

export interface SvgSize {
  width: number;
  height: number;
}

/**
 * Renders a report's option to an SVG document on the server (ECharts' SSR, no DOM), for the
 * printable report. Animation is switched off: a server render is a single frame.
 */
export function renderSvg(option: EChartsOption, { width, height }: SvgSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
