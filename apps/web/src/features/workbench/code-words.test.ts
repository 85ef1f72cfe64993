import { describe, expect, it } from 'vitest';
import type { WarehouseTable } from '../../api/analytics';
import { codeWord, codeWordsOf } from './code-words';

const doc = { zh: '', en: '' };
const table = (name: string, columns: WarehouseTable['columns']): WarehouseTable => ({
  name,
  doc,
  regionColumn: null,
  partitioned: false,
  columns,
});
const TABLES = [
  table('fact_progress', [
    {
      name: 'status',
      type: 'VARCHAR',
      doc,
      labels: { behind: { zh: '进度滞后', en: 'Behind' }, achieved: { zh: '已完成', en: 'Achieved' } },
    },
    { name: 'region_code', type: 'VARCHAR', doc },
  ]),
  table('fact_submission', [
    { name: 'status', type: 'VARCHAR', doc, labels: { approved: { zh: '已审核', en: 'Approved' } } },
  ]),
];

describe('the words of status codes in a result', () => {
  const words = codeWordsOf(TABLES);

  it('names the codes of every labelled column of that name, in the language asked for', () => {
    expect(codeWord(words, 'status', 'behind', 'zh')).toBe('进度滞后');
    expect(codeWord(words, 'status', 'approved', 'zh')).toBe('已审核');
    expect(codeWord(words, 'status', 'achieved', 'en')).toBe('Achieved');
  });

  it('leaves alone a value that is no code, a column without codes, NULL and numbers', () => {
    expect(codeWord(words, 'status', 'toString', 'zh')).toBeNull();
    expect(codeWord(words, 'status', 'on hold', 'zh')).toBeNull();
    expect(codeWord(words, 'region_code', '510104', 'zh')).toBeNull();
    expect(codeWord(words, 'status', null, 'zh')).toBeNull();
    expect(codeWord(words, 'status', 1, 'zh')).toBeNull();
  });
});
