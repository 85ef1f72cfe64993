import type { ProgressStatus } from '../../progress/status.js';
import { NO_DATA_COLOR } from './no-data.js';

/** Categorical colours, fixed per category so the same group keeps its colour across grids and charts. */
export const PALETTE = [
  '#5470c6',
  '#91cc75',
  '#fac858',
  '#ee6666',
  '#73c0de',
  '#3ba272',
  '#fc8452',
  '#9a60b4',
  '#ea7ccc',
  '#2f4554',
  '#c4ccd3',
  '#d48265',
  '#61a0a8',
  '#bda29a',
];

export function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

/** One colour per progress status, the same in every chart and on the dashboard's status chips. */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  achieved: '#3ba272',
  on_track: '#5470c6',
  at_risk: '#fac858',
  behind: '#ee6666',
  no_data: NO_DATA_COLOR,
};
