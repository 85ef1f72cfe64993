import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { Plan, toApiError, type ErrorDetail, type PeriodKind } from '@kesu/schema';
import * as api from '../api/plans';

/** Stored plans, and the one under review: the saved record, its source text and the edited copy. */
export const usePlansStore = defineStore('plans', () => {
  const list = ref<api.PlanSummary[]>([]);
  const record = ref<api.PlanRecord | null>(null);
  const source = ref('');
  const draft = ref<Plan | null>(null);

  const loadList = async () => {
    list.value = await api.listPlans();
    return list.value;
  };

  async function open(id: string) {
    record.value = null;
    draft.value = null;
    const [r, s] = await Promise.all([api.getPlan(id), api.getPlanSource(id)]);
    record.value = r;
    source.value = s.text;
    draft.value = structuredClone(r.plan);
  }

  const dirty = computed(() => Boolean(record.value && draft.value && JSON.stringify(record.value.plan) !== JSON.stringify(draft.value)));

  /** Reads a document into a new plan (revision 1, not reviewed). */
  async function importFile(file: File) {
    const created = await api.importPlan(file.name, await file.arrayBuffer());
    list.value = [created, ...list.value.filter((p) => p.id !== created.id)];
    return created;
  }

  /** Checks the edited plan against the schema; saves it as a new revision when it passes. */
  async function save(): Promise<{ ok: true; revision: number } | { ok: false; problems: ErrorDetail[] }> {
    if (!record.value || !draft.value) return { ok: false, problems: [] };
    const checked = Plan.safeParse(draft.value);
    if (!checked.success) return { ok: false, problems: toApiError(checked.error).error.details };
    const saved = await api.savePlan(record.value.id, checked.data);
    record.value = saved;
    draft.value = structuredClone(saved.plan);
    return { ok: true, revision: saved.revision };
  }

  const generate = (department: string, periodKind: PeriodKind) => {
    if (!record.value) throw new Error('no plan open');
    return api.generateForm(record.value.id, department, periodKind);
  };

  return { list, record, source, draft, dirty, loadList, open, importFile, save, generate };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlansStore, import.meta.hot));
