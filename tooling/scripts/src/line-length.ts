import type { SourceFile } from './workspace-files.js';

export const MAX_LINE = 120;

/** Files whose long lines are strings people read, not code: the UI's locale messages. */
const EXEMPT = [/^apps\/web\/src\/i18n\/locales\//];

export interface LongLine {
  file: string;
  line: number;
  length: number;
}

/**
 * The lines longer than `limit` characters (counted as code points, so a line of Chinese text is
 * measured as it reads) in every file not exempt.
 */
export function longLines(files: SourceFile[], limit = MAX_LINE): LongLine[] {
  return files
    .filter((f) => !EXEMPT.some((re) => re.test(f.path)))
    .flatMap((f) =>
      f.text.split('\n').flatMap((text, i) => {
        const length = [...text].length;
        return length > limit ? [{ file: f.path, line: i + 1, length }] : [];
      }),
    );
}
