import { acceptHMRUpdate, defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { Disaggregation, Indicator, Region } from '@kesu/schema';
import * as reference from '../api/reference';
import { pick } from '../i18n';

/** Reference data read once and kept: regions by code, the indicator catalog, department functions. */
export const useReferenceStore = defineStore('reference', () => {
  const regions = reactive(new Map<string, Region>());
  const indicators = ref<Indicator[]>([]);
  const functions = ref<reference.DepartmentFunctionName[]>([]);
  const breakdowns = ref<Record<string, Disaggregation>>({});

  const remember = (list: Region[]) => {
    for (const r of list) regions.set(r.code, r);
    return list;
  };

  /** Regions directly under a parent (provinces for null). */
  async function childrenOf(parent: string | null): Promise<Region[]> {
    return remember(await reference.regionsUnder(parent));
  }

  /** Makes sure the names of these regions are known. */
  async function loadRegions(codes: Iterable<string>): Promise<void> {
    const missing = [...new Set(codes)].filter((c) => !regions.has(c));
    for (let i = 0; i < missing.length; i += 200) remember(await reference.regionsByCode(missing.slice(i, i + 200)));
  }

  /** The codes from the province down to a region (at most three levels, read as needed). */
  async function ancestry(code: string): Promise<string[]> {
    const chain: string[] = [];
    for (let at: string | null = code; at !== null && chain.length < 4; at = regions.get(at)?.parent ?? null) {
      await loadRegions([at]);
      chain.unshift(at);
    }
    return chain;
  }

  const regionName = (code: string | null | undefined) => (code ? (regions.get(code)?.name ?? code) : '');

  async function loadIndicators() {
    if (indicators.value.length === 0) [indicators.value, breakdowns.value] = await Promise.all([reference.indicators(), reference.disaggregations()]);
    return indicators.value;
  }

  async function loadFunctions() {
    if (functions.value.length === 0) functions.value = await reference.departmentFunctions();
    return functions.value;
  }

  const indicatorName = (code: string | null | undefined) => {
    const i = indicators.value.find((x) => x.code === code);
    return i ? pick(i.nameZh, i.nameEn) : (code ?? '');
  };

  return { regions, indicators, breakdowns, functions, childrenOf, loadRegions, ancestry, regionName, loadIndicators, loadFunctions, indicatorName };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReferenceStore, import.meta.hot));
