import type { StepListener } from '@kesu/analytics';
import type { Output } from './command.js';

const WIDTH = 20;

/** A progress bar on stderr for long work: one line per stage, `[#####-----] 2/4 facts`. */
export function progressBar(io: Output, label: string): StepListener {
  return (stage, done, total) => {
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    io.err(`${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${stage}\n`);
  };
}
