import { summarize } from '@kesu/store';
import { seedDemo } from '../../demo/seed-demo.js';
import { loadSeeds } from '../../seed.js';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

export const demoSeed: Command = {
  usage: 'kesu demo seed',
  summaryZh: '创建数据库，载入区划、部门、指标目录、五个种子方案和标明“演示”的演示数据',
  summaryEn: 'create the database; load registries, the five seed plans and clearly marked demo data',
  async run(args, io) {
    if (args.length > 0) {
      io.err(`kesu demo seed: 不接受参数 / takes no arguments: ${args.join(' ')}\n`);
      return 2;
    }
    const ctx = await openContext();
    try {
      await loadSeeds(ctx.store);
      const started = performance.now();
      const demo = await seedDemo(ctx, ctx.dataDir);
      const seedMs = performance.now() - started;
      // The synthetic reports carry their 2021–2025 dates, older than what a refresh looks past: rebuild in full.
      const { build, lake } = await ctx.analytics.build({ full: demo.synthRegions > 0 });
      const s = await summarize(ctx.store.connection);
      const counts = await ctx.store.reads.read(
        async (conn) =>
          (
            await conn.rows(
              'SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM forms) AS forms, ' +
                '(SELECT count(*) FROM assignments) AS assignments, ' +
                '(SELECT count(*) FROM submissions) AS submissions, ' +
                '(SELECT count(*) FROM users) AS users',
            )
          )[0] ?? {},
      );
      io.out(
        [
          `数据库 / database: ${ctx.store.location} (schema v${s.schemaVersion})`,
          `  行政区划 regions ${s.regions} · 部门职能 functions ${s.departmentFunctions} · 指标 indicators ${s.indicators}`,
          `  方案 plans ${counts['plans']} · 表单 forms ${counts['forms']} · 任务 assignments ${counts['assignments']} · ` +
            `填报 submissions ${counts['submissions']} · 用户 users ${counts['users']}`,
          `数据仓库 / warehouse: ${build.kind === 'full' ? '全量构建 full build' : '增量刷新 refresh'} ` +
            `${Math.round(build.ms)} ms, ${build.valueRows} 个指标值 values · 数据湖 / lake: ${lake.rows} 行 rows`,
          demo.plans + demo.forms + demo.assignments > 0
            ? `  本次新增 added now: ${demo.plans} plans, ${demo.forms} forms, ${demo.assignments} assignments, ` +
              `${demo.submissions} submissions, ${demo.synthRegions} 个地区 2021—2025 年合成填报 ` +
              `regions with synthetic reports (演示数据 demo data), ${(seedMs / 1000).toFixed(1)} s`
            : '  演示数据已存在，未作改动 / demo data already present, nothing changed',
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
