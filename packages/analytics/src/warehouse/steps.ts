/** Told as each stage of long work begins, for progress bars: `done` of `total` stages. */
export type StepListener = (stage: string, done: number, total: number) => void;
