import { openStore } from '@kesu/store';
import { storeFile } from '../../config.js';
import { loadSeeds } from '../../seed.js';
import type { Command } from '../command.js';

export const demoSeed: Command = {
  usage: 'kesu demo seed',
  summaryZh: '创建数据库并载入区划、部门、指标目录和五个种子方案',
  summaryEn: 'create the database and load the region, department and indicator registries and the five seed plans',
  async run(args, io) {
    if (args.length > 0) {
      io.err(`kesu demo seed: 不接受参数 / takes no arguments: ${args.join(' ')}\n`);
      return 2;
    }
    const file = storeFile();
    const store = await openStore(file);
    try {
      const s = await loadSeeds(store);
      io.out(
        [
          `数据库 / database: ${file} (schema v${s.schemaVersion})`,
          `  行政区划 regions:            ${s.regions}`,
          `  部门职能 department functions: ${s.departmentFunctions}`,
          `  指标目录 indicators:          ${s.indicators}`,
          `  方案文件 plan documents:      ${s.planDocuments}`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      store.close();
    }
  },
};
