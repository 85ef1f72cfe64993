import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { Plan, toApiError, type ErrorDetail, type PeriodKind, type Span } from '@kesu/schema';
import * as api from '../api/plans';
import { ApiFailure } from '../api/client';
import * as edits from '../features/plans/plan-edits';

/** Stored plans, and the one under review: the saved record, its source text and the edited copy. */
export const usePlansStore = defineStore('plans', () => {
  const list = ref<api.PlanSummary[]>([]);
  const record = ref<api.PlanRecord | null>(null);
  const source = ref('');
  const draft = ref<Plan | null>(null);
  const choices = ref<api.UnitChoice[]>([]);

  const loadList = async () => {
    list.value = await api.listPlans();
    return list.value;
  };

  // The plan asked for last is the one shown: an earlier open answered late is dropped.
  let opening = 0;
  async function open(id: string) {
    const mine = ++opening;
    record.value = null;
    draft.value = null;
    source.value = '';
    choices.value = [];
    const [r, s, c] = await Promise.all([api.getPlan(id), api.getPlanSource(id), api.unitChoices(id)]);
    if (mine !== opening) return;
    record.value = r;
    source.value = s.text;
    choices.value = c;
    draft.value = structuredClone(r.plan);
  }

  /** Applies one of the reviewer's corrections to the plan under review. */
  function edit(change: (plan: Plan) => Plan) {
    if (draft.value) draft.value = change(draft.value);
  }
  const removeTarget = (index: number) => edit((p) => edits.removeTarget(p, index));
  const splitTarget = (index: number, at: number) => edit((p) => edits.splitTarget(p, index, at));
  const setTaskUnits = (s: number, t: number, lead: string[], responsible: string[]) =>
    edit((p) => edits.setTaskUnits(p, s, t, lead, responsible, choices.value));
  const setTargetUnits = (index: number, lead: string[], responsible: string[]) =>
    edit((p) => edits.setTargetUnits(p, index, lead, responsible, choices.value));

  /** Adds the source text at `span` as a target; returns its index. */
  function addTargetAt(span: Span): number {
    if (!draft.value) return -1;
    const added = edits.addTarget(draft.value, edits.targetFromSelection(draft.value, source.value, span));
    draft.value = added.plan;
    return added.index;
  }

  const dirty = computed(() =>
    Boolean(record.value && draft.value && JSON.stringify(record.value.plan) !== JSON.stringify(draft.value)),
  );

  /** Reads a document without storing it: its title and the stored plans it would duplicate. */
  const previewFile = async (file: File) => api.previewImport(file.name, await file.arrayBuffer());

  /** Reads a document into a new plan (revision 1, not reviewed), or into the next revision of `revisionOf`. */
  async function importFile(file: File, revisionOf: string | null = null) {
    const created = await api.importPlan(file.name, await file.arrayBuffer(), revisionOf);
    list.value = [created, ...list.value.filter((p) => p.id !== created.id)];
    return created;
  }

  /** Checks the edited plan against the schema; saves it as a new revision when it passes. */
  async function save(): Promise<{ ok: true; revision: number } | { ok: false; problems: ErrorDetail[] }> {
    if (!record.value || !draft.value) return { ok: false, problems: [] };
    const checked = Plan.safeParse(draft.value);
    if (!checked.success) return { ok: false, problems: toApiError(checked.error).error.details };
    let saved: api.PlanRecord;
    try {
      saved = await api.savePlan(record.value.id, checked.data);
    } catch (e) {
      // The server checks what the schema cannot: units against the unit table, spans against the text.
      if (e instanceof ApiFailure && e.status === 400 && e.details.length > 0)
        return { ok: false, problems: e.details };
      throw e;
    }
    record.value = saved;
    draft.value = structuredClone(saved.plan);
    return { ok: true, revision: saved.revision };
  }

  const generate = (department: string, periodKind: PeriodKind) => {
    if (!record.value) throw new Error('no plan open');
    return api.generateForm(record.value.id, department, periodKind);
  };

  return {
    list,
    record,
    source,
    draft,
    choices,
    dirty,
    loadList,
    open,
    previewFile,
    importFile,
    save,
    generate,
    removeTarget,
    splitTarget,
    addTargetAt,
    setTaskUnits,
    setTargetUnits,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePlansStore, import.meta.hot));
