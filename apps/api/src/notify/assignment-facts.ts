import type { AssignmentBase, Region } from '@kesu/schema';
import { getFormVersion } from '@kesu/store';
import type { AssignmentFacts } from './notification-texts.js';

type Connection = Parameters<typeof getFormVersion>[0];

/**
 * What notices say about assignments: form titles (read once per published version, which never
 * changes) and region names.
 */
export class AssignmentFactsReader {
  private readonly titles = new Map<string, { zh: string; en: string }>();

  constructor(private readonly regions: ReadonlyMap<string, Pick<Region, 'name'>>) {}

  async of(
    connection: Connection,
    a: Pick<AssignmentBase, 'id' | 'formId' | 'version' | 'regionCode' | 'department' | 'period' | 'dueDate'>,
  ): Promise<AssignmentFacts> {
    const title = await this.title(connection, a.formId, a.version);
    return {
      assignmentId: a.id,
      formTitle: title.zh,
      formTitleEn: title.en,
      regionName: this.regions.get(a.regionCode)?.name ?? a.regionCode,
      department: a.department,
      period: a.period,
      dueDate: a.dueDate,
    };
  }

  private async title(connection: Connection, formId: string, version: number): Promise<{ zh: string; en: string }> {
    const key = `${formId}@${version}`;
    let title = this.titles.get(key);
    if (!title) {
      const definition = await getFormVersion(connection, formId, version);
      title = { zh: definition?.title ?? '报表', en: definition?.titleEn ?? definition?.title ?? 'form' };
      if (definition) this.titles.set(key, title);
    }
    return title;
  }
}
