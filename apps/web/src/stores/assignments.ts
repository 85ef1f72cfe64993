import { acceptHMRUpdate, defineStore } from 'pinia';
import { reactive } from 'vue';
import type { Assignment, FormDefinition } from '@kesu/schema';
import * as api from '../api/assignments';
import { getFormVersion } from '../api/forms';

/** Assignments in the caller's scope, and the titles of the form versions they use. */
export const useAssignmentsStore = defineStore('assignments', () => {
  const versions = reactive(new Map<string, FormDefinition>());

  const list = (query: api.AssignmentQuery) => api.listAssignments(query);

  /** Reads the form versions a list of assignments uses (each once). */
  async function loadVersions(assignments: Assignment[]) {
    const keys = [...new Set(assignments.map((a) => `${a.formId}@${a.version}`))].filter((k) => !versions.has(k));
    await Promise.all(
      keys.map(async (key) => {
        const [formId, version] = key.split('@') as [string, string];
        versions.set(key, await getFormVersion(formId, Number(version)));
      }),
    );
  }

  const formTitle = (a: Assignment) => versions.get(`${a.formId}@${a.version}`)?.title ?? '';

  const create = (input: api.NewAssignments) => api.createAssignments(input);

  return { versions, list, loadVersions, formTitle, create };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAssignmentsStore, import.meta.hot));
