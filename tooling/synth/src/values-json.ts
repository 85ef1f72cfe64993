import { NOTE_FIELD, type SynthForm } from './forms.js';
import type { Series } from './series.js';

/**
 * Writes a submission's values as the API stores them: the cleaned values of `compileForm`,
 * field id → value in form order, blanks left out. Built as text, because millions are written.
 */
export class ValuesJson {
  /** `"i1":` for each numeric field, in form order. */
  private readonly keys: string[];
  /** How many fields a draft has filled: those of the first half of the indicators. */
  readonly draftFields: number;
  /** The field a careless first submission gets wrong: the first count's total. */
  readonly typoField: number;
  readonly typoLabel: string;
  private readonly noteKey = `,${JSON.stringify(NOTE_FIELD)}:`;

  constructor(form: SynthForm) {
    const fields = form.groups.flatMap((g) => [g.total, ...g.parts]);
    this.keys = fields.map((f) => `${JSON.stringify(f.id)}:`);
    const half = form.groups.slice(0, Math.ceil(form.groups.length / 2));
    this.draftFields = half.reduce((n, g) => n + 1 + g.parts.length, 0);
    const counted = form.groups.find((g) => g.indicator.kind !== 'rate') ?? form.groups[0];
    this.typoField = counted ? fields.indexOf(counted.total) : 0;
    this.typoLabel = counted?.total.label ?? '';
  }

  /**
   * The values of one quarter. `fields` limits them to the first ones (a draft); `typo` writes
   * the typo field ten times too big (still valid, so a reviewer has to catch it); `note` is
   * the JSON text of the year-end summary. Also returns how many numbers were written.
   */
  write(
    series: readonly Series[],
    quarter: number,
    options: { fields?: number; typo?: boolean; note?: string } = {},
  ): { json: string; numbers: number } {
    let json = '';
    let numbers = 0;
    const limit = options.fields ?? this.keys.length;
    for (let f = 0; f < limit; f++) {
      let value = series[f]?.[quarter] ?? NaN;
      if (Number.isNaN(value)) continue;
      if (options.typo && f === this.typoField) value = value === 0 ? 10 : Math.round(value * 1000) / 100;
      json += `${numbers === 0 ? '' : ','}${this.keys[f]}${value}`;
      numbers++;
    }
    const note =
      options.note === undefined ? '' : `${numbers === 0 ? this.noteKey.slice(1) : this.noteKey}${options.note}`;
    return { json: `{${json}${note}}`, numbers };
  }
}
