import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileErrorsWith, type Place } from './variant-places.js';
import { workspaceRoot } from './workspace-files.js';

/** Every package that compiles TypeScript (the web app's `.ts` files; its templates read the records). */
const PACKAGES = ['packages/schema', 'packages/plans', 'packages/analytics', 'apps/api', 'apps/web', 'tooling/synth'];

/** A file's text with each `[from, to]` replaced, failing loudly if the file no longer has `from`. */
function patched(file: string, edits: Array<[string, string]>): string {
  let text = readFileSync(path.join(workspaceRoot, file), 'utf8');
  for (const [from, to] of edits) {
    expect(text, `${file} has changed shape: update this test`).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

/** The distinct places the compiler reports in all packages with `file` patched, sorted by file. */
function placesWith(file: string, text: string): Place[] {
  const places = PACKAGES.flatMap((dir) => compileErrorsWith(dir, new Map([[file, text]])));
  return [...new Map(places.map((p) => [`${p.file}:${p.line}`, p])).values()].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
}

/**
 * Adding a variant must show, by compile errors alone, every place that treats variants differently:
 * everything else reads the variant's record or switches with a `satisfies never` default. What the
 * compiler cannot point at is written down here too (language, not code).
 */
describe('a new variant is found by the compiler alone', () => {
  /**
   * A scope's places: its record (labels and traits), the progress rule that judges it and that
   * rule's test cases, and how the demo generator words such a target. The importer's words for a
   * new scope are to be added by reading.
   */
  it('a sixth target scope', { timeout: 300_000 }, () => {
    const file = 'packages/schema/src/target.ts';
    const annual = "    z.object({ ...targetBase, scope: z.literal('annual') }),";
    const text = patched(file, [
      ["'per_unit', 'milestone'] as const", "'per_unit', 'milestone', 'sixth_scope'] as const"],
      [annual, `${annual}\n    z.object({ ...targetBase, scope: z.literal('sixth_scope') }),`],
    ]);
    const places = placesWith(file, text);
    expect(places.map((p) => p.file)).toEqual([
      'packages/analytics/src/progress/rules.test.ts',
      'packages/analytics/src/progress/rules.ts',
      'packages/schema/src/target.ts',
      'tooling/synth/src/plans.ts',
    ]);
    expect(places.every((p) => p.message.includes('sixth_scope'))).toBe(true);
  });

  /**
   * A field type's places: its record (labels, value schema), the Excel cell it writes and reads and
   * the check Excel runs on it, how the review shows a value, the builder's new field, the demo's
   * values, and the tests that list every type. The survey's input control is chosen in its template.
   */
  it('an eleventh field type', { timeout: 300_000 }, () => {
    const file = 'packages/schema/src/form/definition.ts';
    const text = patched(file, [
      ["  'repeat_table',\n] as const;", "  'repeat_table',\n  'eleventh_type',\n] as const;"],
      [
        '  DateField,\n  YesNoField,\n]);',
        "  DateField,\n  YesNoField,\n  z.object({ ...fieldBase, type: z.literal('eleventh_type') }),\n]);",
      ],
    ]);
    const places = placesWith(file, text);
    expect([...new Set(places.map((p) => p.file))]).toEqual([
      'apps/api/src/demo/demo-values.ts',
      'apps/api/src/excel/workbook-cells.ts',
      'apps/api/src/excel/workbook-data-validation.ts',
      'apps/web/src/features/fill/field-values.ts',
      'apps/web/src/features/forms/form-draft.ts',
      'packages/schema/src/form/field-types.ts',
    ]);
    expect(places.every((p) => p.message.includes('eleventh_type'))).toBe(true);
  });
});
