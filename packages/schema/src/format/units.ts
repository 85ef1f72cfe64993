import type { Lang } from './lang.js';

/**
 * English for the measure words plans count in. A measure word with no English noun of its own
 * (个, 项) reads as the bare number; the rest keep what is counted.
 */
const UNIT_EN: Record<string, { one: string; many: string }> = {
  人: { one: 'person', many: 'people' },
  名: { one: 'person', many: 'people' },
  位: { one: 'person', many: 'people' },
  人次: { one: 'person-time', many: 'person-times' },
  户: { one: 'household', many: 'households' },
  户次: { one: 'household visit', many: 'household visits' },
  家: { one: 'organisation', many: 'organisations' },
  家次: { one: 'organisation visit', many: 'organisation visits' },
  所: { one: 'institution', many: 'institutions' },
  场: { one: 'event', many: 'events' },
  场次: { one: 'session', many: 'sessions' },
  次: { one: 'time', many: 'times' },
  期: { one: 'round', many: 'rounds' },
  批次: { one: 'batch', many: 'batches' },
  支: { one: 'team', many: 'teams' },
  队: { one: 'team', many: 'teams' },
  团: { one: 'troupe', many: 'troupes' },
  处: { one: 'site', many: 'sites' },
  站: { one: 'station', many: 'stations' },
  座: { one: 'building', many: 'buildings' },
  间: { one: 'room', many: 'rooms' },
  篇: { one: 'article', many: 'articles' },
  部: { one: 'work', many: 'works' },
  册: { one: 'volume', many: 'volumes' },
  册次: { one: 'loan', many: 'loans' },
  本: { one: 'book', many: 'books' },
  份: { one: 'copy', many: 'copies' },
  件: { one: 'item', many: 'items' },
  套: { one: 'set', many: 'sets' },
  台: { one: 'unit', many: 'units' },
  辆: { one: 'vehicle', many: 'vehicles' },
  块: { one: 'board', many: 'boards' },
  种: { one: 'kind', many: 'kinds' },
  类: { one: 'category', many: 'categories' },
  门: { one: 'course', many: 'courses' },
  节: { one: 'lesson', many: 'lessons' },
  届: { one: 'edition', many: 'editions' },
  条: { one: 'item', many: 'items' },
  课时: { one: 'class hour', many: 'class hours' },
  学时: { one: 'class hour', many: 'class hours' },
  小时: { one: 'hour', many: 'hours' },
  公里: { one: 'km', many: 'km' },
  平方米: { one: 'm²', many: 'm²' },
  平米: { one: 'm²', many: 'm²' },
  个: { one: '', many: '' },
  项: { one: '', many: '' },
  '%': { one: '%', many: '%' },
  元: { one: 'yuan', many: 'yuan' },
  万元: { one: 'yuan', many: 'yuan' },
  '元/人': { one: 'yuan per person', many: 'yuan per person' },
};

/**
 * A unit as written after a number in the language: the Chinese measure word as it is, its
 * English noun (singular for exactly one), '' for 个 and 项 in English.
 * @example unitText('人次', 'en', 2) // 'person-times'
 */
export function unitText(unit: string | null | undefined, lang: Lang, value = 2): string {
  if (!unit) return '';
  if (lang === 'zh') return unit;
  const en = UNIT_EN[unit];
  if (!en) return unit;
  return value === 1 ? en.one : en.many;
}

// Measure words plans print for one and the same unit of count.
const SAME_UNIT: Record<string, string> = { 名: '人', 位: '人', 场次: '场', 平米: '平方米' };

/**
 * The unit a target counts in, with printed variants made one: 名 and 人 are one unit, 人 and
 * 人次 are two (people against visits), so amounts in them are never compared.
 * @example sameUnit('名') === sameUnit('人') // true
 */
export function sameUnit(unit: string | null): string | null {
  return unit === null ? null : (SAME_UNIT[unit] ?? unit);
}
