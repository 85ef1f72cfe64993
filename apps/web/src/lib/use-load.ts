import { ref } from 'vue';

/**
 * A read a page shows, run again whenever its inputs change: `loading` while the latest run goes
 * on, its failure kept in `error` for the page's error block. A run overtaken by a later one is
 * ignored, so a quick change of filter never ends by showing the older answer.
 * @example const { loading, error, load } = useLoad(() => store.list(query), (list) => (rows.value = list));
 */
export function useLoad<T>(fetch: () => Promise<T>, show: (value: T) => void = () => undefined) {
  const loading = ref(false);
  const error = ref<unknown>(null);
  let latest = 0;
  async function load(): Promise<void> {
    const run = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const value = await fetch();
      if (run === latest) show(value);
    } catch (e) {
      if (run === latest) error.value = e;
    } finally {
      if (run === latest) loading.value = false;
    }
  }
  return { loading, error, load };
}
