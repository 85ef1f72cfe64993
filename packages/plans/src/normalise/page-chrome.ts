/**
 * What a web page prints around a plan that is not prose: the site's navigation, breadcrumbs,
 * the source / author / editor line, share, print and font-size bars, related-news lists and
 * the footer; and, inside prose, links, e-mail addresses and file names. Numbers in them
 * (浏览次数：1268, …%E7%A7%91…, 蜀ICP备05003402号) are never targets, so the rules read them masked.
 * Every test reads the matching form (simplified, half-width).
 */

// A line that labels the page: 来源：… 作者：… 发布时间：… 浏览次数：….
const META_LABEL_WORDS = [
  '来源|作者|责任编辑|编辑|审核|校对|发布时间|发布日期|更新时间|浏览次数|点击数|阅读次数|阅读量|访问量',
  '索引号|发布机构|信息来源|主题分类|公开方式|文号|记者|通讯员|原标题|上传者|上传时间|页数|浏览|下载',
].join('|');
const META_LABEL = new RegExp(String.raw`(${META_LABEL_WORDS})\s*[:：]`, 'g');
// A short line that opens with such a label, set off by a space as well as a colon: 索引号 0114….
const LABELLED =
  /^(索引号|来源|文章来源|信息来源|发文日期|发布日期|发布时间|解读类型|解读方式|发布机构|作者|责任编辑|浏览次数|原标题)[\s:：]/;
const BREADCRUMB = /^(当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]|^首页\s*[>»›]|([>»›].*){2,}/;
const PAGE_TOOLS = new RegExp(
  [
    String.raw`字体\s*[:：]?\s*[【[]?\s*大|字号\s*[:：]?\s*[【[]?\s*大`,
    String.raw`打印本页|打印此页|【打印】|\[打印\]|关闭窗口|返回顶部|分享到|收藏本页|扫一扫|用手机扫`,
    String.raw`无障碍|长者版|长辈版|关怀版|繁體|简体版|上一篇|下一篇|【关闭】|\[关闭\]`,
  ].join('|'),
);
const FOOTER = new RegExp(
  [
    'ICP备|公网安备|网站标识码|版权所有|Copyright|©',
    String.raw`主办单位?\s*[:：]|承办单位?\s*[:：]|技术支持\s*[:：]|联系电话\s*[:：]`,
    '联系我们|网站地图|隐私声明|网站纠错|建议使用.{0,20}浏览|分辨率|本网站支持',
  ].join('|'),
  'i',
);
// A navigation bar: short items between | ｜ 丨 bars.
const NAV_BAR = /^([^|｜丨。,;]{1,12}[|｜丨]){2,}[^|｜丨。,;]{0,12}$/;
// An item of a related-news list: a headline and its date.
const DATED_ITEM = /^[·•\-\s]*[^。;]{4,80}\s\(?\d{4}[-./]\d{1,2}[-./]\d{1,2}\)?$/;
const DATE_TIME = /\d{4}[-./]\d{1,2}[-./]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?/;

/** Whether a line (matching form) is page chrome rather than part of the document. */
export function isChromeLine(line: string): boolean {
  const s = line.trim();
  // The document's own metadata (文号, 成文日期) is read by the header, chrome or not.
  if (s === '' || s.length > 160 || /。|文\s*号\s*[:：]\S|成文日期/.test(s)) return false;
  const labels = s.match(META_LABEL)?.length ?? 0;
  if (
    labels >= 2 ||
    (labels === 1 && /^\S{0,6}(来源|作者|责任编辑|编辑|发布时间|发布日期|浏览次数|索引号|信息来源)/.test(s))
  )
    return true;
  if (labels === 1 && DATE_TIME.test(s) && s.length <= 60) return true;
  if (LABELLED.test(s) && s.length <= 60) return true;
  // Counts of views and downloads on a document-sharing site: 浏览 1286次 下载 37次.
  if (/(浏览|阅读|下载|点击|评论|收藏|点赞)\s*[:：]?\s*\d+\s*次?/.test(s) && s.length <= 40 && !/科普|科学/.test(s))
    return true;
  // A run of related headlines, each with its date.
  if ((s.match(/\d{4}-\d{2}-\d{2}/g)?.length ?? 0) >= 2) return true;
  return BREADCRUMB.test(s) || PAGE_TOOLS.test(s) || FOOTER.test(s) || NAV_BAR.test(s) || DATED_ITEM.test(s);
}

const INLINE: RegExp[] = [
  // Links, with or without a scheme, and any run of percent-encoded bytes.
  /(https?:\/\/|www\.)[\w\-./?=&%#:~+!*@$]+/gi,
  /(%[0-9a-f]{2}){2,}/gi,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  // A file name: 附件：XX市全民科学素质行动实施方案.pdf.
  /[^\s:;,。、]{1,80}\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|jpe?g|png|gif|html?)(?![a-z])/gi,
];

const blank = (s: string) => ' '.repeat(s.length);

/**
 * The matching form with page chrome blanked out, character for character, so every offset
 * still points into the text the reviewer sees.
 */
export function maskChrome(match: string): string {
  const masked = match
    .split('\n')
    .map((line) => (isChromeLine(line) ? blank(line) : line))
    .join('\n');
  return INLINE.reduce((s, re) => s.replace(re, blank), masked);
}
