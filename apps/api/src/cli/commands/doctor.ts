import { formatBeijingDateTime } from '@kesu/schema';
import { MIGRATIONS, schemaVersion } from '@kesu/store';
import type { Command } from '../command.js';
import { openContext } from './open-context.js';

/** The engine's own version string, as it reports it. */
const VERSION_SQL = { duckdb: 'SELECT version() AS v', postgres: 'SHOW server_version' } as const;

/** A stored UTC time as people here read it, or 从未 / never. */
const beijing = (utc: string | null) =>
  utc === null ? '从未 / never' : `${formatBeijingDateTime(`${utc.replace(' ', 'T')}Z`)}（北京时间 / Beijing time）`;

export const doctorCommand: Command = {
  usage: 'kesu doctor',
  summaryZh: '检查数据库后端、版本、已执行的迁移和数据仓库是否最新',
  summaryEn: 'show the database backend, its version, the migrations applied and whether the warehouse is current',
  async run(args, io) {
    if (args.length > 0) {
      io.err(`kesu doctor: 不需要参数 / takes no arguments: ${args.join(' ')}\n`);
      return 2;
    }
    const ctx = await openContext();
    try {
      const { store } = ctx;
      const facts = await store.reads.read(async (conn) => {
        const version = Object.values((await conn.rows(VERSION_SQL[store.backend]))[0] ?? {})[0];
        const latest =
          (
            await conn.rows(
              `SELECT CAST((SELECT max(created_at) FROM submission_revisions) AS VARCHAR) AS revisions,
                  CAST((SELECT max(created_at) FROM assignments) AS VARCHAR) AS assignments`,
            )
          )[0] ?? {};
        return {
          version: String(version),
          applied: await schemaVersion(conn),
          revisions: (latest['revisions'] as string | null) ?? null,
          assignments: (latest['assignments'] as string | null) ?? null,
        };
      });
      const build = await ctx.analytics.lastBuild();
      const where = ctx.analytics.where();
      // Current when the last build read every revision and assignment stored so far.
      const behind = (stored: string | null, read: string | null) =>
        stored !== null && (read === null || stored > read);
      const current =
        build.builtAt !== null &&
        !behind(facts.revisions, build.revisionsUntil) &&
        !behind(facts.assignments, build.assignmentsUntil);
      const engine = store.backend === 'postgres' ? 'PostgreSQL' : 'DuckDB（嵌入式 / embedded）';
      const pending = facts.applied === MIGRATIONS.length ? '' : ' — 待执行 / pending';
      const shared = where.shared
        ? '（共用此数据文件夹的节点共享，一次一个节点构建 / shared by the nodes using this data folder, built by one at a time）'
        : '';
      const freshness = current
        ? '已是最新 / current'
        : '落后于数据库，运行 kesu warehouse build / behind the database: run kesu warehouse build';
      io.out(
        [
          `数据库 / database: ${engine} ${store.location}`,
          `  版本 / version: ${facts.version}`,
          `  迁移 / migrations: ${facts.applied} / ${MIGRATIONS.length}（最新 latest: ${MIGRATIONS.at(-1)?.name}）${pending}`,
          `数据仓库 / warehouse: 上次构建 last built ${beijing(build.builtAt)}`,
          `  文件 / file: ${where.file ?? '—'}${shared}`,
          `  ${freshness}`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
