import { onScopeDispose, ref, type Ref } from 'vue';
import { NARROW_QUERY } from './narrow-screen';

/**
 * Whether a media query holds, following the window as it is resized or the phone is turned.
 * @example const tablet = useMediaQuery('(max-width: 1199.98px)'); // in a component's setup
 */
export function useMediaQuery(media: string): Readonly<Ref<boolean>> {
  const supported = typeof window !== 'undefined' && typeof window.matchMedia === 'function';
  const matches = ref(supported && window.matchMedia(media).matches);
  if (!supported) return matches;
  const query = window.matchMedia(media);
  const follow = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  query.addEventListener('change', follow);
  onScopeDispose(() => query.removeEventListener('change', follow));
  return matches;
}

/**
 * Whether the window is narrow (a phone), following it as it changes.
 * @example const narrow = useNarrowScreen(); // in a component's setup
 */
export const useNarrowScreen = (): Readonly<Ref<boolean>> => useMediaQuery(NARROW_QUERY);
