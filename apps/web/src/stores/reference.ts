import { acceptHMRUpdate, defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { ApprovalSettings, Disaggregation, Indicator, Region } from '@kesu/schema';
import * as reference from '../api/reference';
import { pick } from '../i18n';

/**
 * A read done once and kept. Callers asking while it travels share its request (a page and the
 * component inside it often ask at once); a failed read is not kept, so the next call asks again.
 */
function readOnce<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (!pending) {
      pending = read();
      pending.catch(() => (pending = null));
    }
    return pending;
  };
}

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

  // Asked for once per parent: the header's picker and the page both want the same list.
  const under = new Map<string | null, Promise<Region[]>>();

  /** Regions directly under a parent (provinces for null). */
  function childrenOf(parent: string | null): Promise<Region[]> {
    let list = under.get(parent);
    if (!list) {
      list = reference.regionsUnder(parent).then(remember);
      // A failed read is not kept: the next call asks again.
      list.catch(() => under.delete(parent));
      under.set(parent, list);
    }
    return list;
  }

  // Codes being read now, so a page and its route asking at once share one request.
  const reading = new Map<string, Promise<unknown>>();

  /** Makes sure the names of these regions are known. */
  async function loadRegions(codes: Iterable<string>): Promise<void> {
    const wanted = [...new Set(codes)].filter((c) => !regions.has(c));
    const missing = wanted.filter((c) => !reading.has(c));
    for (let i = 0; i < missing.length; i += 200) {
      const batch = missing.slice(i, i + 200);
      const read = reference.regionsByCode(batch).then(remember);
      for (const c of batch) reading.set(c, read);
      void read.finally(() => batch.forEach((c) => reading.delete(c))).catch(() => undefined);
    }
    await Promise.all(wanted.map((c) => reading.get(c)));
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

  const loadIndicators = readOnce(async () => {
    [indicators.value, breakdowns.value] = await Promise.all([reference.indicators(), reference.disaggregations()]);
    return indicators.value;
  });

  /** How this deployment approves, read once: the dashboard says from which level its data counts. */
  const approval = ref<ApprovalSettings | null>(null);
  const loadApproval = readOnce(async () => {
    approval.value = await reference.approvalSettings();
  });
  const loadFunctions = readOnce(async () => (functions.value = await reference.departmentFunctions()));

  /** Regions of any level found by part of a name or the start of a code, remembered by code. */
  async function searchRegions(text: string): Promise<reference.RegionMatch[]> {
    const found = await reference.searchRegions(text);
    remember(found);
    return found;
  }

  /** The units known in a region (its plans, assignments and accounts). */
  const unitsOf = (code: string) => reference.regionUnits(code);

  const functionName = (code: string | null | undefined) => {
    const f = functions.value.find((x) => x.code === code);
    return f ? pick(f.nameZh, f.nameEn) : '';
  };

  /** A catalog indicator's name; '' for a plan's own indicator, whose code is no name for people. */
  const indicatorName = (code: string | null | undefined) => {
    const i = indicators.value.find((x) => x.code === code);
    return i ? pick(i.nameZh, i.nameEn) : '';
  };

  return {
    regions,
    indicators,
    breakdowns,
    functions,
    approval,
    loadApproval,
    childrenOf,
    loadRegions,
    ancestry,
    regionName,
    searchRegions,
    unitsOf,
    loadIndicators,
    loadFunctions,
    functionName,
    indicatorName,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useReferenceStore, import.meta.hot));
