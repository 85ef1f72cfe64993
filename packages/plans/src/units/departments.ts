import { COLLECTIVE, type Department, type DepartmentRegistry, type PlanRegion } from '@kesu/schema';

export interface DepartmentMatcher {
  /** The function a printed unit name performs, `collective`, or null when unknown. */
  functionOf: (name: string) => string | null;
}

/**
 * Builds the matcher from the registry: collective placeholders first (各街道 is not the
 * 街道 office), then patterns, then the longest alias the name ends with. A province's bureau is
 * a 厅 where a county's is a 局 (省教育厅, 县教育局): a 厅 no alias names is matched as its 局.
 */
export function departmentMatcher(registry: DepartmentRegistry): DepartmentMatcher {
  const collective = new Set(registry.collective);
  const aliases = registry.functions
    .flatMap((f) => f.aliases.map((alias) => ({ alias, code: f.code })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const patterns = registry.functions.flatMap((f) =>
    (f.patterns ?? []).map((p) => ({ re: new RegExp(p), code: f.code })),
  );
  return {
    functionOf(name) {
      const bare = name.replace(/[（(].*?[）)]$/, '').trim();
      if (collective.has(name) || collective.has(bare) || /^(各|其他|其它|有关|相关)/.test(bare)) return COLLECTIVE;
      const pattern = patterns.find((p) => p.re.test(name));
      if (pattern) return pattern.code;
      const byAlias = (text: string) => aliases.find((a) => text.endsWith(a.alias))?.code ?? null;
      return byAlias(bare) ?? (bare.endsWith('厅') ? byAlias(`${bare.slice(0, -1)}局`) : null);
    },
  };
}

// Level words a printed name may open with instead of the region's own name.
const ELIDED = /^(自治州|自治县|自治区|州|县|区|市|旗|盟|省)(?!级)/;

/**
 * The full name of a printed unit in its plan's region: 区科协 in 锦江区 → 锦江区科协, 科协 in
 * 克州 → 克孜勒苏柯尔克孜自治州科协; names that already carry a region stay as printed.
 */
export function fullName(raw: string, region: PlanRegion | null): string {
  if (!region) return raw;
  if (raw.startsWith(region.name) || raw.startsWith(region.short)) return raw;
  return region.name + raw.replace(ELIDED, '');
}

/** One registry entry per distinct printed unit, keeping what was printed in `raw`. */
export function normaliseDepartments(
  names: string[],
  matcher: DepartmentMatcher,
  region: PlanRegion | null,
): Department[] {
  return [...new Set(names)].map((raw) => {
    const fn = matcher.functionOf(raw);
    return {
      raw,
      name: fn === COLLECTIVE ? raw : fullName(raw, region),
      function: fn,
      region: region?.code ?? null,
    };
  });
}
