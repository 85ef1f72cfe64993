import { onMounted, ref, watch, type Ref } from 'vue';
import { useLoad } from './use-load';

/**
 * A list read a page at a time under a filter: loads on mount and on a page change, and goes back
 * to the first page when the filter changes. `fetch` keeps what it read; failures are kept in `error`.
 */
export function usePagedList<F>(filter: Ref<F>, fetch: (page: number) => Promise<void>) {
  const page = ref(1);
  const { loading, error, load } = useLoad(() => fetch(page.value));
  onMounted(load);
  watch(page, load);
  watch(filter, () => {
    if (page.value === 1) void load();
    else page.value = 1;
  });
  return { page, loading, error, load };
}
