import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { wordEnd } from '../../features/workbench/text-position';

/** A stretch of the query to underline, with the message shown on hover. */
export interface ProblemMark {
  position: number;
  message: string;
}

export const setProblemMarks = StateEffect.define<ProblemMark[]>();

function decorations(doc: string, marks: ProblemMark[]): DecorationSet {
  const ranges = marks
    .map((m) => {
      // A problem at the very end (an unfinished query) underlines the last character.
      const from = Math.max(0, Math.min(m.position, doc.length - 1));
      return Decoration.mark({
        class: 'cm-problem',
        attributes: { title: m.message, 'data-test': 'problem-mark' },
      }).range(from, Math.max(from + 1, wordEnd(doc, from)));
    })
    .filter((r) => r.from < r.to && r.to <= doc.length)
    .sort((a, b) => a.from - b.from);
  return Decoration.set(ranges);
}

/** Underlines where the server's parser found problems; edits move the marks with the text until the next check. */
export function problemMarks(): Extension {
  const field = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, tr) {
      let next = value.map(tr.changes);
      for (const effect of tr.effects)
        if (effect.is(setProblemMarks)) next = decorations(tr.state.doc.toString(), effect.value);
      return next;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
  const theme = EditorView.baseTheme({
    '.cm-problem': {
      textDecoration: 'underline wavy #d93026',
      textUnderlineOffset: '3px',
      backgroundColor: 'rgba(217, 48, 38, 0.08)',
    },
  });
  return [field, theme];
}
