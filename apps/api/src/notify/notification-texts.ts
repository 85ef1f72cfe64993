import {
  approvalLevels,
  periodWords as inWords,
  type ApprovalLevel,
  type Localized,
  type NotificationKind,
} from '@kesu/schema';

/** What every notice about an assignment names: the form, the unit, the period and the due date. */
export interface AssignmentFacts {
  assignmentId: string;
  formTitle: string;
  formTitleEn: string;
  regionName: string;
  department: string;
  period: string;
  dueDate: string | null;
}

/** The parameters stored with each kind, from which its text is made when read. */
export interface NotificationParams {
  'assignment.received': AssignmentFacts & { periods: string[] };
  'deadline.due7': AssignmentFacts & { daysLeft: number };
  'deadline.due1': AssignmentFacts & { daysLeft: number };
  'deadline.overdue': AssignmentFacts;
  /** To the reporters (`reviewer` false), or, for a return from a higher level, to the level below's reviewers. */
  'submission.returned': AssignmentFacts & {
    actor: string;
    comment: string;
    reviewer: boolean;
    level: ApprovalLevel | null;
  };
  /** `accept`: the level below approved it and this level is to accept it. */
  'review.waiting': AssignmentFacts & { actor: string; accept: boolean; level: ApprovalLevel | null };
  /** To the reporters, or (`reviewer`) to the level that approved it, once a higher level accepted it. */
  'submission.approved': AssignmentFacts & {
    actor: string;
    level: ApprovalLevel | null;
    accepted: boolean;
    reviewer: boolean;
  };
}

export interface NotificationText {
  zh: { title: string; body: string };
  en: { title: string; body: string };
}

/**
 * A period as people say it, in both languages.
 * @example periodWords('2024Q3') // { zh: '2024年第三季度', en: 'Q3 2024' }
 */
export function periodWords(code: string): Localized {
  return { zh: inWords(code, 'zh'), en: inWords(code, 'en') };
}

const levelWords = (level: ApprovalLevel | null): Localized =>
  level ? approvalLevels[level] : { zh: '审核人', en: 'reviewer' };

/** The form and period, `《青少年科学素质报表》2024年第一季度`. */
function subject(f: AssignmentFacts): Localized {
  const period = periodWords(f.period);
  return { zh: `《${f.formTitle}》${period.zh}`, en: `“${f.formTitleEn}”, ${period.en}` };
}

/** The unit, named with its region unless its own name already says it (锦江区教育局 of 锦江区). */
function unit(f: AssignmentFacts): Localized {
  if (f.department.startsWith(f.regionName)) return { zh: f.department, en: f.department };
  return { zh: `${f.regionName}${f.department}`, en: `${f.department}, ${f.regionName}` };
}

const dueWords = (f: AssignmentFacts): Localized =>
  f.dueDate ? { zh: `截止日期 ${f.dueDate}`, en: `due ${f.dueDate}` } : { zh: '未设截止日期', en: 'no due date' };

type Render<K extends NotificationKind> = (p: NotificationParams[K]) => NotificationText;

/** Each kind's words, made from its parameters; a kind brings its own text rather than a branch elsewhere. */
const TEXTS: { [K in NotificationKind]: Render<K> } = {
  'assignment.received': (p) => {
    const s = subject(p);
    const many = p.periods.length > 1;
    const periods = p.periods.map(periodWords);
    return {
      zh: {
        title: many ? `新的填报任务 ${p.periods.length} 项：《${p.formTitle}》` : `新的填报任务：${s.zh}`,
        body: `${unit(p).zh}收到${many ? `${periods.map((w) => w.zh).join('、')}的` : ''}填报任务，${dueWords(p).zh}。请按时填报并提交。`,
      },
      en: {
        title: many ? `${p.periods.length} new reports to fill: “${p.formTitleEn}”` : `New report to fill: ${s.en}`,
        body:
          `${unit(p).en} has a new report to fill${many ? ` for ${periods.map((w) => w.en).join(', ')}` : ''}, ` +
          `${dueWords(p).en}. Please fill it in and submit it on time.`,
      },
    };
  },
  'deadline.due7': (p) => ({
    zh: {
      title: `${p.daysLeft} 天后截止：${subject(p).zh}`,
      body: `${unit(p).zh}的报表尚未提交，${dueWords(p).zh}。请及时填报并提交。`,
    },
    en: {
      title: `Due in ${p.daysLeft} days: ${subject(p).en}`,
      body: `The report of ${unit(p).en} is not submitted yet, ${dueWords(p).en}. Please fill it in and submit it.`,
    },
  }),
  'deadline.due1': (p) => ({
    zh: {
      title: `${p.daysLeft === 0 ? '今天' : '明天'}截止：${subject(p).zh}`,
      body: `${unit(p).zh}的报表尚未提交，${dueWords(p).zh}。请尽快填报并提交。`,
    },
    en: {
      title: `Due ${p.daysLeft === 0 ? 'today' : 'tomorrow'}: ${subject(p).en}`,
      body: `The report of ${unit(p).en} is not submitted yet, ${dueWords(p).en}. Please submit it as soon as you can.`,
    },
  }),
  'deadline.overdue': (p) => ({
    zh: {
      title: `已逾期：${subject(p).zh}`,
      body: `${unit(p).zh}的报表${dueWords(p).zh}，已过期仍未提交。请尽快填报并提交。`,
    },
    en: {
      title: `Overdue: ${subject(p).en}`,
      body:
        `The report of ${unit(p).en} was ${dueWords(p).en} and is still not submitted. ` +
        `Please submit it as soon as you can.`,
    },
  }),
  'submission.returned': (p) =>
    p.reviewer
      ? {
          zh: {
            title: `上级退回：${unit(p).zh} ${subject(p).zh}`,
            body: `${p.actor}（${levelWords(p.level).zh}）退回了审核结果，意见：${p.comment}。请重新审核。`,
          },
          en: {
            title: `Returned by the level above: ${unit(p).en}, ${subject(p).en}`,
            body:
              `${p.actor} (${levelWords(p.level).en} level) returned the approval with the comment: ${p.comment}. ` +
              `Please review it again.`,
          },
        }
      : {
          zh: {
            title: `填报被退回：${subject(p).zh}`,
            body: `${p.actor}退回了${unit(p).zh}的填报，意见：${p.comment}。请修改后重新提交。`,
          },
          en: {
            title: `Report returned: ${subject(p).en}`,
            body:
              `${p.actor} returned the report of ${unit(p).en} with the comment: ${p.comment}. ` +
              `Please correct it and submit it again.`,
          },
        },
  'review.waiting': (p) =>
    p.accept
      ? {
          zh: {
            title: `待接收：${unit(p).zh} ${subject(p).zh}`,
            body: `${p.actor}（${levelWords(p.level).zh}）已审核通过，请接收或退回。`,
          },
          en: {
            title: `To accept: ${unit(p).en}, ${subject(p).en}`,
            body: `${p.actor} (${levelWords(p.level).en} level) approved it; please accept it or return it.`,
          },
        }
      : {
          zh: { title: `待审核：${unit(p).zh} ${subject(p).zh}`, body: `${p.actor}已提交，请审核。` },
          en: {
            title: `To review: ${unit(p).en}, ${subject(p).en}`,
            body: `${p.actor} submitted it; please review it.`,
          },
        },
  'submission.approved': (p) =>
    p.reviewer
      ? {
          zh: {
            title: `上级已接收：${unit(p).zh} ${subject(p).zh}`,
            body: `${p.actor}（${levelWords(p.level).zh}）接收了本级审核通过的填报。`,
          },
          en: {
            title: `Accepted by the level above: ${unit(p).en}, ${subject(p).en}`,
            body: `${p.actor} (${levelWords(p.level).en} level) accepted the report you approved.`,
          },
        }
      : p.accepted
        ? {
            zh: {
              title: `填报已获${levelWords(p.level).zh}接收：${subject(p).zh}`,
              body: `${p.actor}（${levelWords(p.level).zh}）接收了${unit(p).zh}的填报。`,
            },
            en: {
              title: `Report accepted at the ${levelWords(p.level).en} level: ${subject(p).en}`,
              body: `${p.actor} (${levelWords(p.level).en} level) accepted the report of ${unit(p).en}.`,
            },
          }
        : {
            zh: {
              title: `填报已审核通过：${subject(p).zh}`,
              body: `${p.actor}（${levelWords(p.level).zh}）审核通过了${unit(p).zh}的填报。`,
            },
            en: {
              title: `Report approved: ${subject(p).en}`,
              body: `${p.actor} (${levelWords(p.level).en} level) approved the report of ${unit(p).en}.`,
            },
          },
};

/**
 * A notification's words in both languages, made from its kind and stored parameters.
 * @example notificationText('deadline.overdue', facts).zh.title // '已逾期：《报表》2024年第一季度'
 */
export function notificationText<K extends NotificationKind>(kind: K, params: NotificationParams[K]): NotificationText {
  return (TEXTS[kind] as Render<K>)(params);
}
