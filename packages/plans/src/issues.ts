import type { ImportIssue, Span } from '@kesu/schema';

/** Why a file is not a plan at all: the import stops and nothing is produced. */
export type RejectionCode = 'empty' | 'too_large' | 'binary' | 'pdf' | 'bad_encoding' | 'bad_docx' | 'not_a_plan';

export interface Rejection {
  code: RejectionCode;
  message: string;
  messageEn: string;
}

const REJECTIONS: Record<RejectionCode, [string, string]> = {
  empty: ['文件为空或只有空白', 'the file is empty or blank'],
  too_large: ['文件过大，方案文件不应超过 {limit}', 'the file is too large; a plan document should not exceed {limit}'],
  binary: ['文件不是文本（含有二进制内容）', 'the file is not text (it contains binary data)'],
  pdf: ['暂不支持 PDF，请上传 .txt 或 .docx', 'PDF is not supported; upload .txt or .docx'],
  bad_encoding: [
    '无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK）',
    'unknown text encoding (neither UTF-8 nor GB18030/GBK)',
  ],
  bad_docx: ['无法读取 Word 文件：{detail}', 'cannot read the Word file: {detail}'],
  not_a_plan: ['这不是一份科学素质行动实施方案：{detail}', 'this is not a science-literacy action plan: {detail}'],
};

/** A message template with `{name}` placeholders filled in. */
function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}

/** A rejection with its message filled in; `varsEn` fills the English one where it differs. */
export function reject(
  code: RejectionCode,
  vars: Record<string, string> = {},
  varsEn: Record<string, string> = vars,
): Rejection {
  const [zh, en] = REJECTIONS[code];
  return { code, message: fill(zh, vars), messageEn: fill(en, varsEn) };
}

/** What the importer was unsure of, for the reviewer; the plan is still produced. */
export type IssueCode =
  | 'region_not_found'
  | 'title_not_found'
  | 'no_literacy_target'
  | 'no_sections'
  | 'task_without_lead'
  | 'unit_unresolved'
  | 'target_without_indicator'
  | 'no_units'
  | 'looks_like_news'
  | 'several_regions';

const ISSUES: Record<IssueCode, [string, string]> = {
  region_not_found: ['未能识别方案所属行政区划', 'could not tell which region the plan belongs to'],
  title_not_found: ['未找到方案标题', 'no plan title found'],
  no_literacy_target: ['未找到“公民具备科学素质的比例”目标', 'no literacy-rate target found'],
  no_sections: ['未找到提升行动或重点工程的章节', 'no improvement-action or key-project sections found'],
  task_without_lead: ['任务「{task}」没有牵头单位{listed}', 'task "{task}" has no lead unit{listed}'],
  unit_unresolved: ['单位「{unit}」无法对应到部门职能', 'unit "{unit}" matches no department function'],
  target_without_indicator: [
    '目标「{target}」未对应目录指标，已建方案内指标',
    'target "{target}" matches no catalog indicator; a plan-local one was made',
  ],
  no_units: ['全文未找到任何牵头或责任单位', 'no lead or responsible units anywhere in the plan'],
  several_regions: [
    '文中还有{other}的方案：只读取了此前属于{region}的部分，请确认所指地区',
    'the text also holds a plan of {other}: only the part before it, of {region}, was read; ' +
      'confirm which region is meant',
  ],
  looks_like_news: [
    '这份文本更像新闻报道、政策解读或方案节选，而不是方案全文（只有 {tasks} 项任务，没有牵头或责任单位）：' +
      '目标已读出，章节、任务和单位请对照方案全文补全',
    'this text reads like a news report, a policy interpretation or an excerpt rather than the whole plan ' +
      '({tasks} tasks, no lead or responsible units): its targets are read; ' +
      'add sections, tasks and units from the plan itself',
  ],
};

/** An issue with its messages filled in; `varsEn` fills the English one where it differs. */
export function issue(
  code: IssueCode,
  span: Span | null,
  vars: Record<string, string> = {},
  varsEn: Record<string, string> = vars,
): ImportIssue {
  const [zh, en] = ISSUES[code];
  return { code, message: fill(zh, vars), messageEn: fill(en, varsEn), span };
}
