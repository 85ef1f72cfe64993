/**
 * How a data set labels what it made, so nobody takes it for real reports: the national set
 * says 合成数据 in its notes; the demo loaded into a real store also marks its plan and form
 * titles （演示） and its actors `demo-`, as the rest of the demo data is marked.
 */
export interface Marking {
  /** Put in brackets at the end of every year-end note. */
  note: string;
  /** Appended to every plan and form title. */
  title: string;
  /** Put before every actor name (reporters, reviewers, the importer). */
  actor: string;
}

export const NATIONAL: Marking = { note: '合成数据', title: '', actor: '' };
export const DEMO: Marking = { note: '演示数据', title: '（演示）', actor: 'demo-' };
