import { onMounted, ref, watch, type Ref } from 'vue';

/**
 * A list read a page at a time under a filter: loads on mount and on a page change, and goes back
 * to the first page when the filter changes. `fetch` keeps what it read; failures are kept in `error`.
 */
export function usePagedList<F>(filter: Ref<F>, fetch: (page: number) => Promise<void>) {
  const page = ref(1);
  const loading = ref(false);
  const error = ref<unknown>(null);
  async function load() {
    loading.value = true;
    error.value = null;
    try {
      await fetch(page.value);
    } catch (e) {
      error.value = e;
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);
  watch(page, load);
  watch(filter, () => {
    if (page.value === 1) void load();
    else page.value = 1;
  });
  return { page, loading, error, load };
}
