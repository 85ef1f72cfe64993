import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import { FormDefinition, toApiError, type ErrorDetail, type FormRecord } from '@kesu/schema';
import * as api from '../api/forms';

/** Forms, and the one in the builder: its stored draft, the edited copy, its published versions. */
export const useFormsStore = defineStore('forms', () => {
  const list = ref<FormRecord[]>([]);
  const record = ref<FormRecord | null>(null);
  const draft = ref<FormDefinition | null>(null);
  const versions = reactive(new Map<string, FormDefinition>());

  const loadList = async () => {
    list.value = await api.listForms();
    return list.value;
  };

  // The form asked for last is the one shown: an earlier open answered late is dropped.
  let opening = 0;
  async function open(id: string) {
    const mine = ++opening;
    record.value = null;
    draft.value = null;
    const r = await api.getForm(id);
    if (mine !== opening) return;
    record.value = r;
    draft.value = structuredClone(r.definition);
  }

  const dirty = computed(() =>
    Boolean(record.value && draft.value && JSON.stringify(record.value.definition) !== JSON.stringify(draft.value)),
  );

  /** The draft as the schema reads it (defaults filled), or the problems that stop it. */
  const checked = computed(() => {
    if (!draft.value) return null;
    const result = FormDefinition.safeParse(draft.value);
    return result.success
      ? { ok: true as const, definition: result.data }
      : { ok: false as const, problems: toApiError(result.error).error.details as ErrorDetail[] };
  });

  async function save(): Promise<boolean> {
    if (!record.value || !checked.value?.ok) return false;
    const saved = await api.saveFormDraft(record.value.id, checked.value.definition);
    record.value = saved;
    draft.value = structuredClone(saved.definition);
    return true;
  }

  /** Saves what is edited, then publishes it as the next immutable version. */
  async function publish(): Promise<number | null> {
    if (!record.value) return null;
    if (dirty.value && !(await save())) return null;
    const { version } = await api.publishForm(record.value.id);
    record.value = { ...record.value, latestVersion: version };
    return version;
  }

  async function version(formId: string, v: number): Promise<FormDefinition> {
    const key = `${formId}@${v}`;
    const known = versions.get(key);
    if (known) return known;
    const loaded = await api.getFormVersion(formId, v);
    versions.set(key, loaded);
    return loaded;
  }

  return { list, record, draft, dirty, checked, loadList, open, save, publish, version };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useFormsStore, import.meta.hot));
