import { describe, expect, it } from 'vitest';
import { notificationText, periodWords, type AssignmentFacts } from './notification-texts.js';

const facts: AssignmentFacts = {
  assignmentId: 'a1',
  formTitle: '区科协季度工作报表',
  formTitleEn: 'District CAST quarterly report',
  regionName: '锦江区',
  department: '区科协',
  period: '2025Q2',
  dueDate: '2025-07-15',
};

describe('notification texts', () => {
  it('say each period as people do, in both languages', () => {
    expect(['2025', '2025S2', '2025Q3', '2025-07', 'later'].map(periodWords)).toEqual([
      { zh: '2025年', en: '2025' },
      { zh: '2025年下半年', en: 'H2 2025' },
      { zh: '2025年第三季度', en: 'Q3 2025' },
      { zh: '2025年7月', en: 'Jul 2025' },
      { zh: 'later', en: 'later' },
    ]);
  });

  it('name the unit with its region unless its name already has it', () => {
    expect(notificationText('deadline.overdue', facts).zh.body).toMatch(
      /^锦江区区科协的报表截止日期 2025-07-15，已过期仍未提交/,
    );
    expect(notificationText('deadline.overdue', { ...facts, department: '锦江区科协' }).zh.body).toMatch(
      /^锦江区科协的报表/,
    );
  });

  it('word every kind in Chinese and in English', () => {
    const person = { actor: '王审核', level: 'prefecture' as const };
    const texts = [
      notificationText('assignment.received', { ...facts, periods: ['2025Q2'] }),
      notificationText('assignment.received', { ...facts, periods: ['2025Q2', '2025Q3'], dueDate: null }),
      notificationText('deadline.due7', { ...facts, daysLeft: 7 }),
      notificationText('deadline.due1', { ...facts, daysLeft: 0 }),
      notificationText('submission.returned', { ...facts, ...person, comment: '请补充', reviewer: false }),
      notificationText('submission.returned', { ...facts, ...person, comment: '请补充', reviewer: true }),
      notificationText('review.waiting', { ...facts, ...person, accept: true }),
      notificationText('submission.approved', { ...facts, ...person, accepted: true, reviewer: false }),
    ];
    expect(texts.map((t) => t.zh.title)).toEqual([
      '新的填报任务：《区科协季度工作报表》2025年第二季度',
      '新的填报任务 2 项：《区科协季度工作报表》',
      '7 天后截止：《区科协季度工作报表》2025年第二季度',
      '今天截止：《区科协季度工作报表》2025年第二季度',
      '填报被退回：《区科协季度工作报表》2025年第二季度',
      '上级退回：锦江区区科协 《区科协季度工作报表》2025年第二季度',
      '待接收：锦江区区科协 《区科协季度工作报表》2025年第二季度',
      '填报已获市级接收：《区科协季度工作报表》2025年第二季度',
    ]);
    expect(texts[1]!.zh.body).toContain('2025年第二季度、2025年第三季度的填报任务，未设截止日期');
    expect(texts[4]!.zh.body).toBe('王审核退回了锦江区区科协的填报，意见：请补充。请修改后重新提交。');
    expect(texts.map((t) => t.en.title)).toEqual([
      'New report to fill: “District CAST quarterly report”, Q2 2025',
      '2 new reports to fill: “District CAST quarterly report”',
      'Due in 7 days: “District CAST quarterly report”, Q2 2025',
      'Due today: “District CAST quarterly report”, Q2 2025',
      'Report returned: “District CAST quarterly report”, Q2 2025',
      'Returned by the level above: 区科协, 锦江区, “District CAST quarterly report”, Q2 2025',
      'To accept: 区科协, 锦江区, “District CAST quarterly report”, Q2 2025',
      'Report accepted at the prefecture level: “District CAST quarterly report”, Q2 2025',
    ]);
  });
});
