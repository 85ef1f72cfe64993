/**
 * The widths of the printable ASCII characters (from the space, U+0020, to ~) in the Latin letters
 * of Noto Sans CJK SC, in ems: the font the charts are drawn in wherever fonts-noto-cjk is
 * installed (the server that prints them, and the machines that show them). Measured in Chromium.
 */
const ASCII_EM = [
  0.22, 0.32, 0.47, 0.55, 0.55, 0.92, 0.68, 0.28, 0.34, 0.34, 0.47, 0.55, 0.28, 0.35, 0.28, 0.39, 0.55, 0.55, 0.55,
  0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.55, 0.28, 0.28, 0.55, 0.55, 0.55, 0.47, 0.95, 0.61, 0.66, 0.64, 0.69, 0.59,
  0.55, 0.69, 0.73, 0.29, 0.53, 0.65, 0.54, 0.81, 0.72, 0.74, 0.63, 0.74, 0.63, 0.6, 0.6, 0.72, 0.57, 0.88, 0.57, 0.53,
  0.6, 0.34, 0.39, 0.34, 0.55, 0.56, 0.61, 0.56, 0.62, 0.51, 0.62, 0.55, 0.32, 0.56, 0.61, 0.27, 0.27, 0.55, 0.28, 0.93,
  0.61, 0.61, 0.62, 0.62, 0.39, 0.47, 0.38, 0.61, 0.52, 0.8, 0.5, 0.52, 0.47, 0.34, 0.27, 0.34, 0.55,
];

// Bold letters run about 6 % wider; a little room more keeps a label clear of its neighbour in
// the fonts other machines draw with (Microsoft YaHei, PingFang SC).
const BOLD = 1.06;
const MARGIN = 1.03;
const DEFAULT_SIZE = 12;

/**
 * How wide a text is drawn, for laying out a chart with no browser to measure it (server-side
 * rendering): ECharts' own guess uses Arial's narrower letters, so a long English legend entry ran
 * into the next one's swatch. Chinese and other wide characters take a full em.
 * @example measureText('Target', '12px sans-serif') // { width: 37.6 }
 */
export function measureText(text: string, font?: string): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? DEFAULT_SIZE);
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    ems += code >= 32 && code < 127 ? (ASCII_EM[code - 32] as number) : 1;
  }
  const weight = /\bbold\b|\b[6-9]00\b/.test(font ?? '') ? BOLD : 1;
  return { width: ems * size * weight * MARGIN };
}
