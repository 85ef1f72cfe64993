import type { Region } from '@kesu/schema';

/** A department function that reports every quarter, and how its local bureau is named. */
export interface ReportingFunction {
  /** The function's code in `seeds/departments.json`. */
  code: string;
  /** The name after the region's name, one of the function's registry aliases: 锦江区 + 教育局. */
  stem: string;
  /** A province's department where it is not a bureau: 四川省 + 教育厅. */
  provincialStem?: string;
}

/**
 * The thirty functions asked to report, in the order their forms are numbered: the science
 * association, the members of the leading group that every seed plan names, and the bureaus
 * that run the actions for farmers, workers, youth, the elderly and cadres.
 */
export const REPORTING_FUNCTIONS: readonly ReportingFunction[] = [
  { code: 'science_association', stem: '科学技术协会' },
  { code: 'education', stem: '教育局', provincialStem: '教育厅' },
  { code: 'science_technology', stem: '科学技术局', provincialStem: '科学技术厅' },
  { code: 'industry_it', stem: '经济和信息化局', provincialStem: '经济和信息化厅' },
  { code: 'development_reform', stem: '发展和改革委员会' },
  { code: 'agriculture', stem: '农业农村局', provincialStem: '农业农村厅' },
  { code: 'human_resources', stem: '人力资源和社会保障局', provincialStem: '人力资源和社会保障厅' },
  { code: 'health', stem: '卫生健康委员会' },
  { code: 'propaganda', stem: '委宣传部' },
  { code: 'organisation', stem: '委组织部' },
  { code: 'civilisation_office', stem: '文明办' },
  { code: 'cyberspace', stem: '委网信办' },
  { code: 'party_school', stem: '委党校' },
  { code: 'retired_cadres', stem: '委老干部局' },
  { code: 'trade_union', stem: '总工会' },
  { code: 'youth_league', stem: '团委' },
  { code: 'womens_federation', stem: '妇女联合会' },
  { code: 'social_sciences_federation', stem: '社会科学界联合会' },
  { code: 'emergency', stem: '应急管理局', provincialStem: '应急管理厅' },
  { code: 'culture_tourism', stem: '文化和旅游局', provincialStem: '文化和旅游厅' },
  { code: 'media_center', stem: '融媒体中心' },
  { code: 'market_regulation', stem: '市场监督管理局' },
  { code: 'civil_affairs', stem: '民政局', provincialStem: '民政厅' },
  { code: 'finance', stem: '财政局', provincialStem: '财政厅' },
  { code: 'natural_resources', stem: '自然资源局', provincialStem: '自然资源厅' },
  { code: 'ecology_environment', stem: '生态环境局', provincialStem: '生态环境厅' },
  { code: 'meteorology', stem: '气象局' },
  { code: 'earthquake', stem: '地震局' },
  { code: 'rural_revitalisation', stem: '乡村振兴局' },
  { code: 'forestry_grassland', stem: '林业和草原局' },
];

/**
 * The department's name in a region: 锦江区教育局, 四川省教育厅. Municipalities (北京市) keep
 * bureau names, as their departments are 局 and 委 like a city's.
 */
export function departmentName(region: Region, fn: ReportingFunction): string {
  const provincial = region.level === 'province' && /[省区]$/.test(region.name);
  return `${region.name}${provincial ? (fn.provincialStem ?? fn.stem) : fn.stem}`;
}
