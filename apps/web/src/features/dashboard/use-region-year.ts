import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Region } from '@kesu/schema';
import { useReferenceStore } from '../../stores/reference';
import { useScopeStore } from '../../stores/scope';
import { useSessionStore } from '../../stores/session';
import { defaultYear, readDashboardQuery } from './dashboard-query';

/**
 * A page about one region and year, both kept in the address (`?region=…&year=…`) so a view
 * can be shared and gone back to, and kept in step with the header's region and period pickers.
 * `open` runs whenever the address names a complete region and year.
 */
export function useRegionYear(open: (region: string, year: number) => Promise<void> | void) {
  const route = useRoute();
  const router = useRouter();
  const session = useSessionStore();
  const scope = useScopeStore();
  const reference = useReferenceStore();
  const today = new Date();

  const query = computed(() => readDashboardQuery(route.query));
  /** The top of what the user may see: their own region, or the whole country for the office. */
  const root = computed(() => session.user?.regionCode ?? null);
  const fromCountry = computed(() => session.user?.role === 'admin');
  /** A user outside the office without a region has nothing to look at. */
  const noScope = computed(() => root.value === null && !fromCountry.value);
  /** Codes from the user's top region down to the one on screen, and its sub-regions. */
  const path = ref<string[]>([]);
  const children = ref<Region[]>([]);
  const childrenKnown = ref(false);
  const regionName = computed(() => reference.regionName(query.value.region));
  const rootName = computed(() => reference.regionName(root.value));
  /** The address names a region beyond the user's own (a link shared by someone who sees more): none of it is shown. */
  const outside = ref(false);
  /** From reading an address until what it names has been opened (the latest address only). */
  const settling = ref(false);
  let latest = 0;

  async function follow(region: string | null) {
    childrenKnown.value = false;
    if (region === null) {
      outside.value = false;
      path.value = [];
      children.value = fromCountry.value ? await reference.childrenOf(null) : [];
    } else {
      const chain = await reference.ancestry(region);
      const start = root.value === null ? 0 : chain.indexOf(root.value);
      // Beyond the user's own region, the page names theirs to go back to.
      if (start < 0 && root.value !== null) await reference.loadRegions([root.value]);
      outside.value = start < 0;
      path.value = outside.value ? [] : chain.slice(start);
      children.value = outside.value ? [] : await reference.childrenOf(region);
    }
    childrenKnown.value = true;
  }

  function show(region: string | null, year: number | null) {
    if (region === null) scope.regionPath = [];
    return router.push({
      query: { ...(region === null ? {} : { region }), ...(year === null ? {} : { year: String(year) }) },
    });
  }

  /** Fills in what the address leaves out (without a history entry), then opens what it names. */
  async function settle() {
    if (noScope.value) return;
    const { region, year } = query.value;
    const wanted = { region: region ?? scope.regionCode ?? root.value, year: year ?? defaultYear(scope.period, today) };
    if (wanted.region !== region || wanted.year !== year) {
      await router.replace({
        query: { ...(wanted.region === null ? {} : { region: wanted.region }), year: String(wanted.year) },
      });
      return;
    }
    const at = ++latest;
    settling.value = true;
    try {
      // The data does not wait for the region's path: both are asked for at once.
      const located = follow(region).then(() => {
        // The header's region picker shows where the page is (never a region beyond the user's own).
        if (!outside.value && scope.regionCode !== region) scope.regionPath = [...path.value];
      });
      await Promise.all([located, region === null ? undefined : open(region, wanted.year)]);
    } finally {
      if (at === latest) settling.value = false;
    }
  }
  watch(() => route.fullPath, settle, { immediate: true });

  watch(
    () => scope.regionCode,
    (code) => {
      if (code !== query.value.region) void show(code, query.value.year);
    },
  );
  watch(
    () => scope.period,
    (period) => {
      const year = period === null ? null : Number(period.slice(0, 4));
      if (year !== null && year !== query.value.year) void show(query.value.region, year);
    },
  );

  /** Back to the user's own region, keeping the year. */
  const showOwn = () => show(root.value, query.value.year);

  return {
    query,
    path,
    children,
    childrenKnown,
    fromCountry,
    noScope,
    outside,
    regionName,
    rootName,
    settling,
    show,
    showOwn,
    reload: settle,
  };
}
