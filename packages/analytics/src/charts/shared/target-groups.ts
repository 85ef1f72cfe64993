import type { Localized } from '@kesu/schema';

/**
 * Names of the `targetGroup` breakdown values of the indicator catalog (seeds/indicators.json).
 * The warehouse stores only the codes (`targetGroup=youth`), and this module must stay free of
 * the seeds package, so the names are repeated here.
 */
export const TARGET_GROUPS: Record<string, Localized> = {
  youth: { zh: '青少年', en: 'Youth' },
  farmers: { zh: '农民', en: 'Farmers' },
  urban_residents: { zh: '城市居民', en: 'Urban residents' },
  workers: { zh: '产业工人', en: 'Industrial workers' },
  elderly: { zh: '老年人', en: 'Elderly' },
  cadres: { zh: '领导干部和公务员', en: 'Cadres and civil servants' },
  teachers: { zh: '教师', en: 'Teachers' },
  women: { zh: '妇女', en: 'Women' },
  children: { zh: '儿童', en: 'Children' },
  migrant_workers: { zh: '进城务工人员', en: 'Migrant workers' },
  science_workers: { zh: '科技工作者', en: 'Science and technology workers' },
  media_practitioners: { zh: '媒体从业人员', en: 'Media practitioners' },
  public: { zh: '社会公众', en: 'General public' },
};

/** The part of a total its reporters did not break down by group. */
export const NOT_BROKEN_DOWN: Localized = { zh: '未分人群', en: 'Not broken down' };

/** A group's name; an unknown code is shown as it is. */
export function targetGroupName(code: string): Localized {
  if (code === '') return NOT_BROKEN_DOWN;
  return TARGET_GROUPS[code] ?? { zh: code, en: code };
}
