/**
 * A phone held upright (360–430 px) or a small tablet: one column, the navigation in a drawer.
 * The stylesheets use the same bound: `@media (max-width: 767.98px)`.
 */
export const NARROW_QUERY = '(max-width: 767.98px)';

/** Whether the window is narrow now (false where there is no window, as in unit tests). */
export function isNarrow(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches
  );
}
