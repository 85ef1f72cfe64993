import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileErrorsWith } from './variant-places.js';
import { workspaceRoot } from './workspace-files.js';

const TARGET_FILE = 'packages/schema/src/target.ts';

/** `target.ts` with a sixth scope added to the list and to the target union, as someone adding one would start. */
function withSixthScope(): string {
  const text = readFileSync(path.join(workspaceRoot, TARGET_FILE), 'utf8');
  const list = "'per_unit', 'milestone'] as const";
  const union = "    z.object({ ...targetBase, scope: z.literal('annual') }),";
  expect(text, 'the scope list has moved: update this test').toContain(list);
  expect(text, 'the target union has moved: update this test').toContain(union);
  return text
    .replace(list, "'per_unit', 'milestone', 'sixth_scope'] as const")
    .replace(union, `${union}\n    z.object({ ...targetBase, scope: z.literal('sixth_scope') }),`);
}

/**
 * Every place that treats target scopes differently must be found by the compiler alone when a scope
 * is added: the scope's record (its labels and traits), the progress rule that judges it, that
 * rule's test cases, and how the demo generator words such a target. Everything else reads the traits (`targetScopes`, `scopesWhere`, `combineOf`)
 * or switches on a trait with a `satisfies never` default. The importer's words for a new scope are
 * the one thing to add by reading: they are language, not code the compiler can point at.
 */
describe('a sixth target scope', () => {
  it('shows by compile errors alone every place to change', { timeout: 180_000 }, () => {
    const replaced = new Map([[TARGET_FILE, withSixthScope()]]);
    const packages = ['packages/schema', 'packages/plans', 'packages/analytics', 'apps/api', 'tooling/synth'];
    const places = packages.flatMap((dir) => compileErrorsWith(dir, replaced));
    const distinct = [...new Map(places.map((p) => [`${p.file}:${p.line}`, p])).values()];
    // One error each: the rules record, the progress rules, their test cases, the generator's words.
    const files = distinct.map((p) => p.file).sort();
    expect(files).toEqual([
      'packages/analytics/src/progress/rules.test.ts',
      'packages/analytics/src/progress/rules.ts',
      'packages/schema/src/target.ts',
      'tooling/synth/src/plans.ts',
    ]);
    expect(distinct.every((p) => p.message.includes("'sixth_scope'"))).toBe(true);
  });
});
