export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One `kesu` command: its usage line, a summary in both languages, and what it does. */
export interface Command {
  usage: string;
  summaryZh: string;
  summaryEn: string;
  run: (args: string[], io: Output) => Promise<number>;
}
