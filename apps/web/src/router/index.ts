import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { whenUnauthenticated } from '../api/client';
import { i18n } from '../i18n';
import { useSessionStore } from '../stores/session';
import { homeOf, routes } from './routes';

/** The title of a page in the browser tab. */
function titleOf(to: RouteLocationNormalized): string {
  const key = to.meta.title;
  return key ? `${i18n.global.t(key)} · ${i18n.global.t('app.name')}` : i18n.global.t('app.name');
}

/**
 * The router: every page but log-in needs a session; a page for other roles shows 无权访问
 * in place, keeping the address the user typed.
 */
export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });

  router.beforeEach(async (to) => {
    const session = useSessionStore();
    if (to.meta.public) return true;
    // With the server out of reach there is no session to find; the log-in page says why on submit.
    const user = await session.restore().catch(() => null);
    if (!user) return { name: 'login', query: { redirect: to.fullPath } };
    if (to.name === 'home') return { name: homeOf(user.role) };
    if (to.meta.roles && !to.meta.roles.includes(user.role)) {
      return { name: 'forbidden', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = titleOf(to);
  });

  whenUnauthenticated(() => {
    useSessionStore().forget();
    const current = router.currentRoute.value;
    if (!current.meta.public) void router.push({ name: 'login', query: { redirect: current.fullPath } });
  });

  return router;
}
