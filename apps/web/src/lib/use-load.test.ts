import { describe, expect, it } from 'vitest';
import { useLoad } from './use-load';

/** A promise the test settles by hand, to end runs in the order it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('shows what the read answered and is loading only while it runs', async () => {
    const shown: string[] = [];
    const { loading, error, load } = useLoad(
      async () => 'plans',
      (v) => shown.push(v),
    );
    const running = load();
    expect(loading.value).toBe(true);
    await running;
    expect([loading.value, error.value, shown]).toEqual([false, null, ['plans']]);
  });

  it('keeps a failure for the page and clears it on the next run', async () => {
    let fail = true;
    const { error, load } = useLoad(async () => {
      if (fail) throw new Error('offline');
      return 1;
    });
    await load();
    expect(error.value).toEqual(new Error('offline'));
    fail = false;
    await load();
    expect(error.value).toBeNull();
  });

  it('ignores a run overtaken by a later one: the older answer never shows, nor its failure', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let call = 0;
    const shown: string[] = [];
    const { loading, error, load } = useLoad(
      () => answers[call++]!.promise,
      (v) => shown.push(v),
    );
    const first = load();
    const second = load();
    answers[1]!.resolve('newer filter');
    await second;
    answers[0]!.reject(new Error('older filter failed'));
    await first;
    expect([shown, error.value, loading.value]).toEqual([['newer filter'], null, false]);
  });
});
