import { describe, expect, it } from 'vitest';
import { checkWorkspace, findCycles, importsOf, type WorkspacePackage } from './dependency-rules.js';

const pkg = (name: string, dir: string, files: Record<string, string>): WorkspacePackage => ({
  name,
  dir,
  files: Object.entries(files).map(([file, text]) => ({ path: `${dir}/${file}`, text })),
});

describe('importsOf', () => {
  it('finds static, re-export, side-effect and dynamic imports', () => {
    const text = [
      "import * as z from 'zod';",
      'import type { A } from "./a.js";',
      "export { b } from './b.js';",
      "import './c.js';",
      "const d = await import('@kesu/store');",
    ].join('\n');
    expect(importsOf(text)).toEqual(['zod', './a.js', './b.js', './c.js', '@kesu/store']);
  });
});

describe('checkWorkspace', () => {
  it('accepts imports along the arrows', () => {
    const ws = [
      pkg('@kesu/analytics', 'packages/analytics', {
        'src/index.ts': `import { x } from '@kesu/store';\nimport { y } from '@kesu/schema';`,
      }),
      pkg('@kesu/web', 'apps/web', { 'src/main.ts': `import { bar } from '@kesu/analytics/charts';` }),
    ];
    expect(checkWorkspace(ws)).toEqual([]);
  });

  it('rejects an import against the arrows', () => {
    const ws = [pkg('@kesu/schema', 'packages/schema', { 'src/index.ts': `import { openStore } from '@kesu/store';` })];
    expect(checkWorkspace(ws)).toEqual([
      {
        file: 'packages/schema/src/index.ts',
        specifier: '@kesu/store',
        reason: '@kesu/schema may not import @kesu/store (allowed: none)',
      },
    ]);
  });

  it('keeps the web app to the browser-safe part of analytics', () => {
    const ws = [
      pkg('@kesu/web', 'apps/web', {
        'src/App.vue': `<script setup lang="ts">\nimport { build } from '@kesu/analytics';\n</script>`,
      }),
    ];
    expect(checkWorkspace(ws).map((v) => v.specifier)).toEqual(['@kesu/analytics']);
  });

  it('rejects reaching into another package by path or by relative import', () => {
    const ws = [
      pkg('@kesu/plans', 'packages/plans', {
        'src/a.ts': `import { Plan } from '@kesu/schema/src/plan.js';\nimport { b } from '../../schema/src/plan.js';`,
      }),
    ];
    expect(checkWorkspace(ws).map((v) => v.specifier)).toEqual([
      '@kesu/schema/src/plan.js',
      '../../schema/src/plan.js',
    ]);
  });

  it('forbids importing an app, even from tooling', () => {
    const ws = [pkg('@kesu/bench', 'tooling/bench', { 'src/run.ts': `import { app } from '@kesu/api';` })];
    expect(checkWorkspace(ws)[0]?.reason).toBe('nothing may import the app @kesu/api');
  });

  it('lets tests read the seed data but not production code', () => {
    const ws = [
      pkg('@kesu/plans', 'packages/plans', {
        'src/import.test.ts': `import { loadSeeds } from '@kesu/seeds';`,
        'src/import.ts': `import { loadSeeds } from '@kesu/seeds';`,
      }),
    ];
    expect(checkWorkspace(ws).map((v) => v.file)).toEqual(['packages/plans/src/import.ts']);
  });

  it('reports an import cycle inside a package', () => {
    const ws = [
      pkg('@kesu/schema', 'packages/schema', {
        'src/a.ts': `import { b } from './b.js';`,
        'src/b.ts': `import { c } from './c.js';`,
        'src/c.ts': `import { a } from './a.js';`,
      }),
    ];
    const [violation] = checkWorkspace(ws);
    expect(violation?.reason).toBe('import cycle');
    expect(violation?.specifier).toBe(
      'packages/schema/src/a.ts → packages/schema/src/b.ts → packages/schema/src/c.ts → packages/schema/src/a.ts',
    );
  });
});

describe('findCycles', () => {
  it('finds none in a tree', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });
  it('finds a self-import', () => {
    expect(findCycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
  });
});
