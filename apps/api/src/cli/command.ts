export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The whole of standard input, for the commands that take it (none given: empty). */
  stdin?: () => Promise<string>;
}

/** One `kesu` command: its usage line, a summary in both languages, and what it does. */
export interface Command {
  usage: string;
  summaryZh: string;
  summaryEn: string;
  run: (args: string[], io: Output) => Promise<number>;
  /** Whether these arguments make it read standard input (read before the server is asked to run it). */
  readsStdin?: (args: string[]) => boolean;
}
