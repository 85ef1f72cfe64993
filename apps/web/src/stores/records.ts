import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import type { AuditActor, AuditPage } from '@kesu/schema';
import * as api from '../api/records';
import { auditRequest, type AuditView } from '../features/audit/audit-query';

/** The office's records: a page of the audit trail, who appears in it, and the backups. */
export const useRecordsStore = defineStore('records', () => {
  const page = ref<AuditPage | null>(null);
  const actors = ref<AuditActor[]>([]);
  const backups = ref<api.BackupFile[]>([]);

  // Only the latest filter's answer is kept: a slow earlier page never replaces a newer one.
  let asked = 0;
  async function loadAudit(view: AuditView) {
    const mine = ++asked;
    const [found, people] = await Promise.all([
      api.searchAudit(auditRequest(view)),
      actors.value.length ? actors.value : api.listAuditActors(),
    ]);
    if (mine !== asked) return;
    page.value = found;
    actors.value = people;
  }

  const loadBackups = async () => {
    backups.value = await api.listBackups();
  };

  async function makeBackup() {
    const made = await api.makeBackup();
    await loadBackups();
    return made;
  }

  return { page, actors, backups, loadAudit, loadBackups, makeBackup, backupUrl: api.backupUrl };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useRecordsStore, import.meta.hot));
