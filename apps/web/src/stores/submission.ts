import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import type { Submission, SubmissionRevision } from '@kesu/schema';
import * as api from '../api/assignments';

/** The assignment open for filling in or review: its form, its submission, what it is compared with. */
export const useSubmissionStore = defineStore('submission', () => {
  const view = ref<api.AssignmentView | null>(null);
  const context = ref<api.AssignmentContext | null>(null);
  const revisions = ref<SubmissionRevision[]>([]);

  // The assignment asked for last is the one shown: an earlier open answered late is dropped.
  let opening = 0;
  async function open(id: string) {
    const mine = ++opening;
    view.value = null;
    context.value = null;
    revisions.value = [];
    const [v, c, r] = await Promise.all([api.getAssignment(id), api.getAssignmentContext(id), api.listRevisions(id)]);
    if (mine !== opening) return;
    view.value = v;
    context.value = c;
    revisions.value = r;
  }

  /**
   * Takes the server's answer to a write as the current submission, unless the view already shows
   * a later one: answers to requests sent close together (an autosave, then the submit) may arrive
   * in either order. A draft updated in place keeps its revision and moves its time.
   */
  function accept(submission: Submission) {
    const shown = view.value?.submission;
    const older =
      shown &&
      (submission.revision < shown.revision ||
        (submission.revision === shown.revision && submission.updatedAt < shown.updatedAt));
    if (view.value && !older)
      view.value = {
        ...view.value,
        submission,
        assignment: { ...view.value.assignment, status: submission.status, approvedLevel: submission.approvedLevel },
      };
    return submission;
  }

  const refreshRevisions = async () => {
    if (view.value) revisions.value = await api.listRevisions(view.value.assignment.id);
  };

  const saveDraft = async (id: string, body: api.SubmissionBody) => accept(await api.saveDraft(id, body));
  async function submit(id: string, body: api.SubmissionBody) {
    accept(await api.submitSubmission(id, body, api.newIdempotencyKey()));
    await refreshRevisions();
  }
  /** A review step changes where the submission stands along the levels: the view is read again. */
  async function review(id: string, step: () => Promise<Submission>) {
    await step();
    const [v, r] = await Promise.all([api.getAssignment(id), api.listRevisions(id)]);
    view.value = v;
    revisions.value = r;
  }
  const approve = (id: string, confirmOutliers: string[] = []) =>
    review(id, () => api.approveSubmission(id, confirmOutliers));
  const acceptFromBelow = (id: string) => review(id, () => api.acceptSubmission(id));
  const sendBack = (id: string, comment: string) => review(id, () => api.returnSubmission(id, comment));
  async function upload(id: string, bytes: ArrayBuffer) {
    accept(await api.uploadWorkbook(id, bytes));
    await refreshRevisions();
  }
  const template = (id: string) => api.downloadTemplate(id);

  return { view, context, revisions, open, saveDraft, submit, approve, acceptFromBelow, sendBack, upload, template };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSubmissionStore, import.meta.hot));
