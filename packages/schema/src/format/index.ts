// One way to write numbers, units and periods for every reader of the product: the web pages,
// the printed report, Excel and Word all format through here.
export type { Lang } from './lang.js';
export { sameUnit, unitText } from './units.js';
export {
  formatNumber,
  formatQuantity,
  formatRange,
  formatGoal,
  formatRatio,
  labelWithUnit,
  type NumberOptions,
} from './numbers.js';
export { periodWords } from './period-words.js';
