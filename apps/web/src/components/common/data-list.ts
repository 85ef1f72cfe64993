import type { RouteLocationRaw } from 'vue-router';

/** One column of a DataList: its header and how its cells look. */
export interface DataColumn {
  /** Names the cell slot `cell-<key>`; a cell without that slot shows the row's field of this name. */
  key: string;
  /** The header's text. */
  label: string;
  /** Classes of the header cell: `grow` and `grow-s` keep a column of names from getting too narrow. */
  headClass?: string;
  /** Classes of each body cell: `nowrap` keeps dates and periods on one line, `muted` greys them. */
  cellClass?: string;
  /** The header's tooltip, such as that the times are Beijing time. */
  title?: string;
  /** A `stack-narrow` table is one card per row on a phone: a labelled cell says what it holds there. */
  labelled?: boolean;
}

/** The button at the end of a row that opens the row's own page. */
export interface OpenAction {
  to: RouteLocationRaw;
  label: string;
  /** The step the user is expected to take next is the primary button. */
  primary: boolean;
  plain?: boolean;
}
