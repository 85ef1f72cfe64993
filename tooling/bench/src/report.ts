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
export function renderReport(rows: BenchRow[], machine: Machine, at: Date): string {
  const header = [
    '# Benchmarks',
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`pnpm bench\` on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}.`,
    '',
    '| suite | measurement | value | unit | goal |',
    '| --- | --- | ---: | --- | --- |',
  ];
  const body = rows.map((r) => `| ${r.suite} | ${r.name} | ${format(r.value)} | ${r.unit} | ${r.goal ?? ''} |`);
  return [...header, ...body, ''].join('\n');
}
