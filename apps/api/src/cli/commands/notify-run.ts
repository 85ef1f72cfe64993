import { parseArgs } from 'node:util';
import { formatBeijingDateTime, instantMs } from '@kesu/schema';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

export const notifyRun: Command = {
  usage: 'kesu notify run [--at 2025-04-08T09:00+08:00]',
  summaryZh: '运行一轮通知任务：截止日期提醒与邮件发送（--at 指定时间）',
  summaryEn: 'run one round of the notification jobs: deadline reminders and mail (--at: as of a time)',
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, strict: true, options: { at: { type: 'string' } } }));
    } catch (error) {
      io.err(`kesu notify run: ${(error as Error).message}\n`);
      return 2;
    }
    const ms = values.at === undefined ? Date.now() : instantMs(values.at);
    if (ms === null) {
      io.err(`kesu notify run: 时间无效 / not a time: ${values.at}（例如 / e.g. 2025-04-08T09:00+08:00）\n`);
      return 2;
    }
    const at = new Date(ms);
    const ctx = await openContext();
    try {
      ctx.clock = () => at;
      const round = await ctx.notifications.runRound(at);
      if (round === null) {
        io.err('kesu notify run: 另一个服务正在运行通知任务 / another server is running the notification jobs now\n');
        return 1;
      }
      const mail =
        round.mail === null
          ? '未配置邮件 / mail not configured'
          : `邮件 / mail: ${round.mail.sent} 已发送 sent, ${round.mail.failed} 失败 failed`;
      io.out(
        `${formatBeijingDateTime(at)}（北京时间 / Beijing time）: ` +
          `${round.deadlines.assignments} 个待提交任务 assignments due, ${round.deadlines.stored} 条新提醒 new reminders; ` +
          `${mail}\n`,
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
