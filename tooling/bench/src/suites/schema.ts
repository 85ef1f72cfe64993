import { Bench } from 'tinybench';
import {
  compileForm,
  FormDefinition,
  parsePeriod,
  planShareElapsed,
  rollUpPeriod,
  shiftPeriod,
  type FieldInput,
} from '@kesu/schema';
import type { BenchRow } from '../report.js';

/** A 40-field quarterly form: counts, percentages, a choice, notes and a computed total. */
function fortyFieldForm() {
  const counts: FieldInput[] = Array.from({ length: 34 }, (_, i) => ({
    id: `n${i}`,
    type: 'integer',
    label: `数量${i}`,
    max: 1e7,
  }));
  const fields: FieldInput[] = [
    ...counts,
    { id: 'rate', type: 'percent', label: '覆盖率' },
    {
      id: 'level',
      type: 'choice',
      label: '级别',
      options: [
        { value: 'a', label: '甲' },
        { value: 'b', label: '乙' },
      ],
    },
    { id: 'held', type: 'yes_no', label: '是否开展' },
    { id: 'note', type: 'long_text', label: '进展说明', showIf: 'held' },
    { id: 'date', type: 'date', label: '日期' },
    { id: 'total', type: 'integer', label: '合计', computed: `sum(${counts.map((c) => c.id).join(', ')})` },
  ];
  const definition = FormDefinition.parse({
    title: '基准表',
    periodKind: 'quarter',
    sections: [{ id: 's', title: 's', fields }],
  });
  const submission: Record<string, unknown> = Object.fromEntries(counts.map((c, i) => [c.id, i * 10]));
  Object.assign(submission, { rate: 55.5, level: 'a', held: true, note: '按计划推进', date: '2024-03-31' });
  return { definition, submission };
}

export async function schemaSuite(): Promise<BenchRow[]> {
  const { definition, submission } = fortyFieldForm();
  const compiled = compileForm(definition);
  if (!compiled.validate(submission).ok) throw new Error('benchmark submission must be valid');
  const bench = new Bench({ time: 500 });
  bench
    .add('compile a 40-field form', () => void compileForm(definition))
    .add('validate a 40-field submission', () => void compiled.validate(submission))
    .add('period parse + shift + roll up', () => {
      parsePeriod('2024Q4');
      shiftPeriod('2024Q4', 1);
      rollUpPeriod('2024-08', 'half');
      planShareElapsed({ start: 2021, end: 2025 }, '2023Q2');
    });
  await bench.run();
  return bench.tasks.map((task) => ({
    suite: 'schema',
    name: task.name,
    value: task.result && 'throughput' in task.result ? task.result.throughput.mean : Number.NaN,
    unit: 'ops/s',
  }));
}
