import type { Region, RegionLevel } from '@kesu/schema';

/** The nested province → prefecture → county tree as the division package ships it. */
export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

// Placeholders in the national table that group counties directly under a province.
const PLACEHOLDERS = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const ETHNIC_GROUPS = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].sort((a, b) => b.length - a.length);

// Short names fixed by usage rather than by rule (the rule would give 克孜勒苏州 and so on).
const CUSTOM_SHORT: Record<string, string> = {
  '653000': '克州',
  '652700': '博州',
  '652800': '巴州',
  '654000': '伊犁州',
  '152900': '阿拉善盟',
  '152200': '兴安盟',
  '152500': '锡林郭勒盟',
};

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** Removes the names of ethnic groups (with or without 族) from the end of a name's stem. */
function stripEthnic(stem: string): string {
  let out = stem;
  for (let changed = true; changed;) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      for (const form of [`${group}族`, group]) {
        if (out.endsWith(form) && out.length - form.length >= 2) {
          out = out.slice(0, -form.length);
          changed = true;
        }
      }
    }
  }
  return out;
}

/**
 * The everyday short name: 楚雄彝族自治州 → 楚雄州, 友谊县 → 友谊, 内蒙古自治区 → 内蒙古.
 * @example shortName('532300', '楚雄彝族自治州') // '楚雄州'
 */
export function shortName(code: string, name: string): string {
  const custom = CUSTOM_SHORT[code];
  if (custom) return custom;
  if (code.endsWith('0000')) return name.replace(PROVINCE_SUFFIX, '') || name;
  const auto = /^(.+?)自治(州|县|旗)$/.exec(name);
  if (auto) return stripEthnic(auto[1] as string) + (auto[2] === '州' ? '州' : '');
  const plain = /^(.{2,}?)(市|县|区|旗|地区|盟|林区|特区)$/.exec(name);
  return plain ? (plain[1] as string) : name;
}

function countyLevel(name: string): RegionLevel {
  return /区$/.test(name) ? 'district' : 'county';
}

/**
 * Flattens the division tree into registry rows with six-digit codes and parents, skipping the
 * placeholder groupings so that a municipality's districts hang directly under it.
 */
export function flattenDivisions(tree: DivisionNode[]): Region[] {
  const pad = (code: string) => code.padEnd(6, '0');
  const rows: Region[] = [];
  for (const province of tree) {
    const provinceCode = pad(province.code);
    rows.push({
      code: provinceCode,
      name: province.name,
      short: shortName(provinceCode, province.name),
      level: 'province',
      parent: null,
    });
    for (const city of province.children ?? []) {
      const placeholder = PLACEHOLDERS.test(city.name);
      const cityCode = pad(city.code);
      if (!placeholder) {
        rows.push({
          code: cityCode,
          name: city.name,
          short: shortName(cityCode, city.name),
          level: 'prefecture',
          parent: provinceCode,
        });
      }
      for (const county of city.children ?? []) {
        const code = pad(county.code);
        rows.push({
          code,
          name: county.name,
          short: shortName(code, county.name),
          level: countyLevel(county.name),
          parent: placeholder ? provinceCode : cityCode,
        });
      }
    }
  }
  return rows;
}
