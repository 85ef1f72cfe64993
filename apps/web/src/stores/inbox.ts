import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import type { Notification } from '@kesu/schema';
import * as api from '../api/notifications';
import { throttledRefresh } from '../features/inbox/inbox-poll';

/** How many notices the bell's list shows. */
const LATEST = 8;
/** A route change within this long after the last answer reuses it. */
const MIN_GAP_MS = 10_000;

/** The caller's inbox: the unread count the bell shows, and its latest notices. */
export const useInboxStore = defineStore('inbox', () => {
  const unread = ref(0);
  const latest = ref<Notification[]>([]);
  const count = throttledRefresh(async () => {
    unread.value = (await api.unreadCount()).unread;
  }, MIN_GAP_MS);

  /** Refreshes the unread count (at most once per few seconds unless forced). */
  const refreshCount = (force = false) => count.refresh(force);

  async function loadLatest() {
    const page = await api.listNotifications({ limit: LATEST });
    latest.value = page.items;
    unread.value = page.unread;
  }

  /**
   * Marks a notice read, here and in the bell's list. The count is the server's afterwards: a copy
   * from another list, or a second click before the first answer, may be stale.
   */
  async function read(notice: Notification): Promise<Notification> {
    if (notice.readAt !== null) return notice;
    const done = await api.markRead(notice.id);
    latest.value = latest.value.map((n) => (n.id === done.id ? done : n));
    await count.refresh(true);
    return done;
  }

  async function readAll(): Promise<number> {
    const { updated } = await api.markAllRead();
    const at = new Date().toISOString();
    latest.value = latest.value.map((n) => (n.readAt === null ? { ...n, readAt: at } : n));
    unread.value = 0;
    return updated;
  }

  /** Forgets everything (logged out). */
  function reset() {
    unread.value = 0;
    latest.value = [];
    count.reset();
  }

  return { unread, latest, refreshCount, loadLatest, read, readAll, reset };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useInboxStore, import.meta.hot));
