import { describe, expect, it } from 'vitest';
import { sqlNamespace } from './sql-schema';

describe('sqlNamespace', () => {
  it('completes tables and columns with their description in the chosen language', () => {
    const namespace = sqlNamespace(
      [
        {
          name: 'dim_region',
          doc: { zh: '行政区划', en: 'regions' },
          regionColumn: 'region_code',
          partitioned: false,
          columns: [{ name: 'name', type: 'VARCHAR', doc: { zh: '名称', en: 'name' } }],
        },
      ],
      'zh',
    );
    expect(namespace).toEqual({
      dim_region: {
        self: { label: 'dim_region', type: 'type', detail: '表', info: '行政区划' },
        children: [{ label: 'name', type: 'property', detail: 'VARCHAR', info: '名称' }],
      },
    });
  });
});
