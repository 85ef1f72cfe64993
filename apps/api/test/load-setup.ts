import { FormDefinition, periodsWithin } from '@kesu/schema';
import { insertAssignments, insertForm, insertUser, publishForm } from '@kesu/store';
import { hashPassword } from '../src/auth/passwords.js';
import { createContext } from '../src/create-context.js';

export const LOAD_PASSWORD = 'load-password-1';

/** A monthly form of `fields` integer fields, `months` assignments of one unit, and its reporter. */
export async function prepareLoad(
  database: string,
  dataDir: string,
  fields: number,
  months: number,
): Promise<{ assignments: string[] }> {
  const ctx = await createContext({ database, dataDir });
  try {
    const definition = FormDefinition.parse({
      title: '负载测试表',
      periodKind: 'month',
      sections: [
        {
          id: 's',
          title: '数据',
          fields: Array.from({ length: fields }, (_, i) => ({
            id: `f${i}`,
            type: 'integer',
            label: `指标${i}`,
            max: 1e9,
          })),
        },
      ],
    });
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const periods = Array.from({ length: Math.ceil(months / 12) }, (_, y) => periodsWithin(String(2001 + y), 'month'))
      .flat()
      .slice(0, months);
    const rows = await ctx.store.writes.write(async (conn) => {
      const form = await insertForm(
        conn,
        { planId: null, department: '负载测试局', departmentFunction: null, definition },
        'load',
      );
      await publishForm(conn, form.id, 'load');
      await insertUser(conn, {
        username: 'loader',
        displayName: 'loader',
        passwordHash,
        role: 'reporter',
        regionCode: '510104',
        department: '负载测试局',
      });
      return insertAssignments(
        conn,
        periods.map((period) => ({
          formId: form.id,
          version: 1,
          regionCode: '510104',
          department: '负载测试局',
          period,
          dueDate: null,
        })),
      );
    });
    return { assignments: rows.map((r) => r.id) };
  } finally {
    await ctx.close();
  }
}
