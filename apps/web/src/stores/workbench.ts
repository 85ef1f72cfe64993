import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { beijingYear, resultFileName } from '@kesu/schema';
import type { WarehouseTable } from '../api/analytics';
import { warehouseTables } from '../api/analytics';
import { ApiFailure } from '../api/client';
import * as api from '../api/sql';
import { toCsv } from '../features/workbench/csv';
import { saveFile } from '../lib/download';
import { loadHistory, saveHistory, withEntry, type HistoryEntry } from '../features/workbench/query-history';
import { parameterNames, substitute, type ParamValue } from '../features/workbench/sql-params';
import { useSessionStore } from './session';

/** A problem to show with the query: where it is in the text as written (null: the query as a whole). */
export interface EditorProblem {
  code: string;
  message: string;
  messageEn: string;
  position: number | null;
  /** DuckDB's own words, shown on request. */
  original?: string;
}

// Indicators by their names: a plan's own indicator (local_…) is in no catalog, and its code is no name.
const DEFAULT_SQL = `-- 各地区已审核的指标值（本辖区内）
SELECT r.name AS region, coalesce(i.name_zh, '方案内指标') AS indicator, v.indicator_code, v.period, v.value
FROM fact_value v
JOIN dim_region r USING (region_code)
LEFT JOIN dim_indicator i USING (indicator_code)
WHERE v.year = :year
ORDER BY r.name, v.indicator_code, v.period
LIMIT 1000`;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

const PARAM_MESSAGES = {
  missing: (name: string) => ({ message: `请填写参数 :${name} 的值`, messageEn: `fill in a value for :${name}` }),
  not_a_number: (name: string) => ({ message: `参数 :${name} 须为数字`, messageEn: `:${name} must be a number` }),
};

/**
 * The SQL workbench: the query being written with its parameters, the as-you-type check, the
 * run (cancellable: aborting the request makes the server interrupt the query), the result,
 * this browser's history, saved and shared queries, and exports.
 */
export const useWorkbenchStore = defineStore('workbench', () => {
  const session = useSessionStore();
  const user = computed(() => session.user?.username ?? '');
  const draftKey = computed(() => `kesu.sql.draft.${user.value}`);

  const tables = ref<WarehouseTable[]>([]);
  const sql = ref(DEFAULT_SQL);
  const params = reactive<Record<string, ParamValue>>({ year: { value: String(beijingYear() - 1), type: 'auto' } });
  const names = computed(() => parameterNames(sql.value));
  const problems = ref<EditorProblem[]>([]);
  const running = ref(false);
  const cancelled = ref(false);
  const result = shallowRef<api.SqlResult | null>(null);
  const runError = ref<unknown>(null);
  const exporting = ref<'csv' | api.ExportFormat | null>(null);
  const history = ref<HistoryEntry[]>([]);
  const saved = ref<api.SavedQuery[]>([]);
  /** The saved query being edited, when it is the user's own (saving updates it). */
  const current = ref<api.SavedQuery | null>(null);
  /** The title of the saved query opened (the user's own or shared), which names exported files. */
  const title = ref<string | null>(null);
  let running$: AbortController | null = null;
  let checking$: AbortController | null = null;
  /** The last run's failure, which the parser's check (blind to unknown columns and types) must not wipe out. */
  let failedRun: { sql: string; problems: EditorProblem[] } | null = null;

  /** Reads the user's draft and history, the table documentation and the saved queries. */
  async function open() {
    sql.value = globalThis.localStorage?.getItem(draftKey.value) ?? DEFAULT_SQL;
    history.value = loadHistory(user.value);
    [tables.value, saved.value] = await Promise.all([warehouseTables(), api.listSavedQueries()]);
  }

  watch(sql, (text) => globalThis.localStorage?.setItem(draftKey.value, text));

  // Every placeholder gets an input; values typed for a name are kept while it is in use.
  watch(
    names,
    (list) => {
      for (const name of list) params[name] ??= { value: '', type: 'auto' };
    },
    { immediate: true },
  );

  /** The query as it will be sent, or the parameter problems that stop it. */
  function prepare() {
    const substituted = substitute(sql.value, params);
    if (!substituted.ok)
      problems.value = substituted.problems.map((p) => ({
        code: p.code,
        position: null,
        ...PARAM_MESSAGES[p.code](p.name),
      }));
    return substituted.ok ? substituted : null;
  }

  const locate = (toOriginal: (offset: number) => number, position: number | null | undefined) =>
    position === null || position === undefined ? null : toOriginal(position);

  /** Asks the server's parser about the query as typed; stale answers are dropped. */
  async function check() {
    checking$?.abort();
    const prepared = prepare();
    if (!prepared) return;
    const controller = (checking$ = new AbortController());
    try {
      const answer = await api.checkSql(prepared.sql, controller.signal);
      const found = answer.problems.map((p) => ({ ...p, position: locate(prepared.toOriginal, p.position) }));
      problems.value = found.length === 0 && failedRun?.sql === prepared.sql ? failedRun.problems : found;
    } catch (error) {
      // A check is advice: when it cannot be had, the run itself will say what is wrong.
      if (!isAbort(error)) problems.value = [];
    }
  }

  function remember(entry: Omit<HistoryEntry, 'sql' | 'at'>) {
    history.value = withEntry(history.value, { sql: sql.value, at: new Date().toISOString(), ...entry });
    saveHistory(user.value, history.value);
  }

  /** Runs the query; a run already going is cancelled first. */
  async function run() {
    cancel();
    const prepared = prepare();
    if (!prepared) return;
    const controller = (running$ = new AbortController());
    running.value = true;
    cancelled.value = false;
    runError.value = null;
    try {
      const answer = await api.runSql(prepared.sql, controller.signal);
      result.value = answer;
      problems.value = [];
      failedRun = null;
      remember({ rows: answer.rows.length, ms: answer.ms });
    } catch (error) {
      if (isAbort(error)) {
        // Only the run still current was cancelled; one replaced by a newer run just stops.
        if (running$ === controller) cancelled.value = true;
        return;
      }
      // The rows of an earlier query must not pass for this one's.
      result.value = null;
      runError.value = error;
      if (error instanceof ApiFailure) {
        problems.value = error.details.map((d) => ({
          code: d.code,
          message: d.message,
          messageEn: d.messageEn,
          position: locate(prepared.toOriginal, d.position),
          ...(d.original === undefined ? {} : { original: d.original }),
        }));
        failedRun = { sql: prepared.sql, problems: problems.value };
      }
      remember({ rows: null, ms: null });
    } finally {
      if (running$ === controller) {
        running$ = null;
        running.value = false;
      }
    }
  }

  /** Stops the running query: the request is aborted and the server interrupts the query. */
  function cancel() {
    running$?.abort();
  }

  /** Another query in the editor: the rows on screen were another query's, and would be exported as this one's. */
  function clearResult() {
    result.value = null;
    runError.value = null;
    cancelled.value = false;
  }

  function load(text: string) {
    sql.value = text;
    current.value = null;
    title.value = null;
    clearResult();
  }

  function openSaved(query: api.SavedQuery) {
    sql.value = query.sql;
    current.value = query.mine ? query : null;
    title.value = query.title;
    clearResult();
  }

  /** Saves the query: over the user's own saved query being edited, or as a new one. */
  async function save(input: { title: string; shared: boolean; asNew: boolean }) {
    const body = { title: input.title, shared: input.shared, sql: sql.value };
    const stored =
      current.value && !input.asNew
        ? await api.updateSavedQuery(current.value.id, body)
        : await api.createSavedQuery(body);
    saved.value = [stored, ...saved.value.filter((q) => q.id !== stored.id)];
    current.value = stored;
    title.value = stored.title;
    return stored;
  }

  async function removeSaved(query: api.SavedQuery) {
    await api.deleteSavedQuery(query.id);
    saved.value = saved.value.filter((q) => q.id !== query.id);
    if (current.value?.id === query.id) {
      current.value = null;
      title.value = null;
    }
  }

  /**
   * CSV of the rows on screen, written here; XLSX and Parquet written by the server from the same
   * query. Each file is named after the saved query and the day (「查询结果」 for a query not saved).
   */
  async function exportAs(format: 'csv' | api.ExportFormat) {
    if (format === 'csv') {
      if (!result.value) return;
      saveFile(
        new Blob(
          [
            toCsv(
              result.value.columns.map((c) => c.name),
              result.value.rows,
            ),
          ],
          { type: 'text/csv;charset=utf-8' },
        ),
        resultFileName(title.value, 'csv'),
      );
      return;
    }
    const prepared = prepare();
    if (!prepared) return;
    exporting.value = format;
    try {
      const file = await api.exportSql(prepared.sql, format, title.value);
      saveFile(file.blob, file.name ?? resultFileName(title.value, format));
    } finally {
      exporting.value = null;
    }
  }

  return {
    tables,
    sql,
    params,
    names,
    problems,
    running,
    cancelled,
    result,
    runError,
    exporting,
    history,
    saved,
    current,
    title,
    open,
    check,
    run,
    cancel,
    load,
    openSaved,
    save,
    removeSaved,
    exportAs,
  };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWorkbenchStore, import.meta.hot));
