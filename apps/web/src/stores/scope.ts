import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';

const STORAGE_KEY = 'kesu.scope';

interface SavedScope {
  regionPath: string[];
  period: string | null;
}

function load(): SavedScope {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as SavedScope | null;
    if (saved && Array.isArray(saved.regionPath))
      return { regionPath: saved.regionPath.map(String), period: saved.period ?? null };
  } catch {
    // A damaged saved scope is simply forgotten.
  }
  return { regionPath: [], period: null };
}

/** The region and period chosen in the header; lists of assignments and reviews follow them. */
export const useScopeStore = defineStore('scope', () => {
  const saved = load();
  /** Codes from the province down to the chosen region; empty for everywhere the user may see. */
  const regionPath = ref<string[]>(saved.regionPath);
  const period = ref<string | null>(saved.period);
  const regionCode = computed(() => regionPath.value.at(-1) ?? null);

  watch([regionPath, period], () => {
    globalThis.localStorage?.setItem(
      STORAGE_KEY,
      JSON.stringify({ regionPath: regionPath.value, period: period.value }),
    );
  });

  /** Forgets the choice (another user logs in on this browser). */
  function reset() {
    regionPath.value = [];
    period.value = null;
  }

  return { regionPath, period, regionCode, reset };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useScopeStore, import.meta.hot));
