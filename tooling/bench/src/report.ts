/** One measured number, with the goal an issue sets for it where there is one. */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
}

function format(value: number): string {
  if (value >= 1000) return Math.round(value).toLocaleString('en-US');
  if (value >= 10) return value.toFixed(1);
  return value.toPrecision(3);
}

/**
 * The benchmark table as Markdown, headed by the machine it ran on.
 * @example renderReport(rows, machine, new Date())
 */
export function renderReport(rows: BenchRow[], machine: Machine, at: Date, kept: string[] = []): string {
  const header = [
    '# Benchmarks',
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench\` ` +
      `on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    '| suite | measurement | value | unit | goal |',
    '| --- | --- | ---: | --- | --- |',
  ];
  const body = rows.map((r) => `| ${r.suite} | ${r.name} | ${format(r.value)} | ${r.unit} | ${r.goal ?? ''} |`);
  const note =
    kept.length > 0
      ? [
          '',
          'Rows of suites not run this time, as an earlier run measured them:',
          '',
          '| suite | measurement | value | unit | goal |',
          '| --- | --- | ---: | --- | --- |',
          ...kept,
        ]
      : [];
  return [...header, ...body, ...note, ''].join('\n');
}

/** The table rows of an earlier report whose suite is not among `ran`, to keep in the new one. */
export function keptRows(previous: string, ran: Set<string>): string[] {
  return previous
    .split('\n')
    .filter((line) => /^\| [a-z]+ \| /.test(line) && !line.startsWith('| suite |'))
    .filter((line) => !ran.has(line.split('|')[1]?.trim() ?? ''));
}
