import * as z from 'zod';
import type { Localized } from './localized.js';

/** Where a target stands, as the progress engine judges it. */
export const PROGRESS_STATUSES = ['achieved', 'on_track', 'at_risk', 'behind', 'no_data'] as const;
export const ProgressStatus = z.enum(PROGRESS_STATUSES).meta({ label: '进展状态', labelEn: 'Status' });
export type ProgressStatus = z.infer<typeof ProgressStatus>;

/** The status words shown beside a target, in both languages. */
export const statusLabels: Record<ProgressStatus, Localized> = {
  achieved: { zh: '已完成', en: 'Achieved' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  behind: { zh: '进度滞后', en: 'Behind' },
  no_data: { zh: '暂无数据', en: 'No data' },
};
