import { computed, onBeforeUnmount, reactive, ref, watch, type Ref } from 'vue';
import { reporterMayEdit, type ErrorDetail } from '@kesu/schema';
import type { AssignmentView, SubmissionBody } from '../../api/assignments';
import { ApiFailure } from '../../api/client';
import { AutosaveQueue, type SaveState } from './autosave-queue';
import { draftPayload, formLogic, payloadOf, warningsOf, type FormValues } from './form-logic';
import { shownErrors } from './form-problems';

/** What the browser keeps of a draft until the server has it: everything typed, mistakes included. */
interface DraftPayload {
  values: FormValues;
  explanations: Record<string, string>;
  formVersion: number;
}

/**
 * A reporter's draft of one assignment: values and reasons, validation by the form's own compiled
 * validator, and autosave through a queue that keeps an unsent copy in localStorage.
 */
export function useReportDraft(
  view: Ref<AssignmentView | null>,
  save: (id: string, body: SubmissionBody) => Promise<unknown>,
) {
  const values = ref<FormValues>({});
  const explanations = ref<Record<string, string>>({});
  const touched = reactive(new Set<string>());
  const attempted = ref(false);
  /** Problems the server found on the last submit, until the next change. */
  const serverErrors = ref<ErrorDetail[]>([]);
  const saveState = ref<SaveState>('idle');
  const saveError = ref<unknown>(null);
  /** A copy from this browser that the server had not received was put back. */
  const restored = ref(false);

  const logic = computed(() => (view.value ? formLogic(view.value.form) : null));
  const editable = computed(() =>
    Boolean(view.value && view.value.assignment.open && reporterMayEdit(view.value.submission?.status ?? null)),
  );
  const result = computed(() =>
    logic.value ? logic.value.compiled.validate(payloadOf(logic.value, values.value)) : null,
  );
  const allErrors = computed(() => (result.value && !result.value.ok ? result.value.errors : []));
  const warnings = computed(() => (logic.value ? warningsOf(logic.value, payloadOf(logic.value, values.value)) : []));

  /** Errors shown: a field's once it was left (a table cell's once that cell was), all once submit was tried. */
  const errors = computed(() => [...shownErrors(allErrors.value, touched, attempted.value), ...serverErrors.value]);
  /** Warnings of the form's own rules need a reason before submitting. */
  const unexplained = computed(() =>
    warnings.value.filter((w) => w.code === 'rule_warning' && !explanations.value[w.path]?.trim()),
  );

  let queue: AutosaveQueue<DraftPayload> | null = null;
  let loading = false;

  function start() {
    const v = view.value;
    queue?.dispose();
    queue = null;
    if (!v) return;
    loading = true;
    values.value = { ...(v.submission?.values ?? {}) };
    explanations.value = Object.fromEntries(
      (v.submission?.warnings ?? []).filter((w) => w.code === 'explanation').map((w) => [w.path, w.message]),
    );
    touched.clear();
    attempted.value = false;
    serverErrors.value = [];
    restored.value = false;
    const id = v.assignment.id;
    queue = new AutosaveQueue<DraftPayload>({
      key: `kesu.draft.${id}`,
      storage: localStorage,
      send: async (p) => {
        const l = logic.value;
        // A report no longer editable (submitted, or its window closed) is never saved as a draft.
        if (!l || !editable.value) return;
        await save(id, { values: draftPayload(l, p.values), formVersion: p.formVersion, explanations: p.explanations });
      },
      isOffline: (e) => e instanceof ApiFailure && (e.offline || e.status >= 500),
      onState: (state, error) => {
        saveState.value = state;
        saveError.value = error;
      },
    });
    const left = queue.pending();
    if (left && editable.value && left.payload.formVersion === v.assignment.version) {
      values.value = left.payload.values;
      explanations.value = left.payload.explanations;
      restored.value = true;
      void queue.flush();
    } else if (left) {
      queue.discard();
    }
    // Let the watchers see the loaded values as the starting point, not as a change.
    queueMicrotask(() => {
      loading = false;
    });
  }

  watch(view, (now, before) => {
    if (now?.assignment.id !== before?.assignment.id || now?.assignment.version !== before?.assignment.version) start();
  });

  watch(
    [values, explanations],
    () => {
      serverErrors.value = [];
      if (loading || !editable.value || !queue || !view.value) return;
      queue.change({
        values: values.value,
        explanations: explanations.value,
        formVersion: view.value.assignment.version,
      });
    },
    { deep: true },
  );

  const online = () => queue?.online();
  window.addEventListener('online', online);
  onBeforeUnmount(() => {
    window.removeEventListener('online', online);
    queue?.dispose();
  });

  /** The body to submit: every visible value, the reasons given. */
  function body(): SubmissionBody | null {
    if (!logic.value || !view.value) return null;
    return {
      values: payloadOf(logic.value, values.value),
      formVersion: view.value.assignment.version,
      explanations: explanations.value,
    };
  }

  /** The server now holds what is shown (after a submit or an upload): nothing left to send. */
  function settled() {
    queue?.discard();
  }

  /** Sends what waits now (before leaving, or on "save"); true once the server has it. */
  const flush = () => queue?.flush() ?? Promise.resolve(true);

  /** Before submitting: no autosave may follow the submit, and one already on its way lands first. */
  const hold = () => queue?.pause() ?? Promise.resolve();
  /** The submit failed: autosave goes on, sending what was typed meanwhile. */
  const release = () => queue?.resume();

  return {
    logic,
    values,
    explanations,
    editable,
    errors,
    allErrors,
    warnings,
    unexplained,
    touched,
    attempted,
    serverErrors,
    saveState,
    saveError,
    restored,
    start,
    body,
    settled,
    flush,
    hold,
    release,
  };
}
