import { LEADING_WORDS, findQuantities } from './quantities.js';

const LEADING = new RegExp(`(?:${LEADING_WORDS.join('|')})$`);
const EDGES = /^[，,、；;：:\s]+|[，,、；;：:\s]+$/g;

/**
 * A target's metric without its quantity: the number, its unit and the words that compare it
 * are taken out, so the name reads without the goal (the goal is shown beside it).
 * Falls back to the metric as printed when nothing but the quantity is left.
 * @example metricName('建立现代课程教学示范校5所') // '建立现代课程教学示范校'
 */
export function metricName(metric: string): string {
  const text = metric.replace(/％/g, '%');
  let name = '';
  let at = 0;
  for (const q of findQuantities(text)) {
    name += text.slice(at, q.start).replace(LEADING, '');
    // 建成1000平米以上的科普场馆: the 的 belonged to the number.
    at = text.startsWith('的', q.end) ? q.end + 1 : q.end;
  }
  name = (name + text.slice(at)).replace(EDGES, '');
  return name.length >= 2 ? name : metric;
}
