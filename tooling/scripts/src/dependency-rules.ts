import path from 'node:path';
import type { SourceFile } from './workspace-files.js';

/** Which workspace packages each package may import, following the architecture's arrows. */
export const ALLOWED: Record<string, readonly string[]> = {
  '@kesu/schema': [],
  '@kesu/plans': ['@kesu/schema'],
  '@kesu/store': ['@kesu/schema'],
  '@kesu/analytics': ['@kesu/schema', '@kesu/store'],
  '@kesu/seeds': ['@kesu/schema'],
  '@kesu/api': [
    '@kesu/schema',
    '@kesu/plans',
    '@kesu/store',
    '@kesu/analytics',
    '@kesu/analytics/charts',
    '@kesu/analytics/alignment',
    '@kesu/seeds',
    '@kesu/synth',
  ],
  '@kesu/web': ['@kesu/schema', '@kesu/analytics/charts', '@kesu/analytics/alignment'],
};

/** Tests may also read the seed data, the shared test setup and the store's throw-away PostgreSQL. */
const TEST_EXTRAS = ['@kesu/seeds', '@kesu/vitest-config', '@kesu/store/testing'];

/** Tooling may use every package, but nothing may import an app. */
const TOOLING = /^tooling\//;
const APPS = new Set(['@kesu/api', '@kesu/web']);

export interface WorkspacePackage {
  name: string;
  /** Folder relative to the workspace root, e.g. `packages/schema`. */
  dir: string;
  files: SourceFile[];
}

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

// Static imports start a line (so import-like text inside strings is not taken for one).
const STATIC_IMPORT = /^[ \t]*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]/;
const DYNAMIC_IMPORT = /(?<![\w'"`])import\s*\(\s*['"]([^'"]+)['"]\s*\)/;
const SIDE_EFFECT_IMPORT = /^[ \t]*import\s+['"]([^'"]+)['"]/;
const IMPORT = new RegExp([STATIC_IMPORT, DYNAMIC_IMPORT, SIDE_EFFECT_IMPORT].map((r) => r.source).join('|'), 'gm');

/** Module specifiers a file imports or re-exports. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
}

function isTest(file: string): boolean {
  return /\.test\.ts$|\/test\//.test(file);
}

const CONFIG = /^@kesu\/[a-z]+-config$/;

/** Why an import of another workspace package breaks the rules, or null when it is allowed. */
function checkWorkspaceImport(pkg: WorkspacePackage, file: string, specifier: string): string | null {
  const name = /^(@kesu\/[^/]+)/.exec(specifier)?.[1];
  if (name === undefined || name === pkg.name) return null;
  if (APPS.has(name)) return `nothing may import the app ${name}`;
  if (TOOLING.test(pkg.dir) || CONFIG.test(name)) return null;
  const allowed = [...(ALLOWED[pkg.name] ?? []), ...(isTest(file) ? TEST_EXTRAS : [])];
  if (allowed.includes(specifier)) return null;
  return `${pkg.name} may not import ${specifier} (allowed: ${allowed.join(', ') || 'none'})`;
}

const EXTENSIONS = ['', '.ts', '.vue', '/index.ts'];

/** Resolves a relative import to a file of the package, mapping `.js` to its `.ts` source. */
function resolveRelative(files: Set<string>, from: string, specifier: string): string | null {
  const base = path.posix.join(path.posix.dirname(from), specifier).replace(/\.js$/, '');
  for (const ext of [...EXTENSIONS, '.js']) {
    if (files.has(base + ext)) return base + ext;
  }
  return null;
}

/** File-level import cycles inside one package, each as the list of files around the loop. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Every import against the dependency rules, every path out of its package and every cycle. */
export function checkWorkspace(packages: WorkspacePackage[]): Violation[] {
  const violations: Violation[] = [];
  for (const pkg of packages) {
    const names = new Set(pkg.files.map((f) => f.path));
    const graph = new Map<string, string[]>();
    for (const file of pkg.files) {
      const edges: string[] = [];
      for (const specifier of importsOf(file.text)) {
        if (specifier.startsWith('.')) {
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
          if (!target.startsWith(`${pkg.dir}/`)) {
            violations.push({
              file: file.path,
              specifier,
              reason: `relative import leaves ${pkg.dir}; import the package by name`,
            });
            continue;
          }
          const resolved = resolveRelative(names, file.path, specifier);
          if (resolved) edges.push(resolved);
          continue;
        }
        const reason = checkWorkspaceImport(pkg, file.path, specifier);
        if (reason) violations.push({ file: file.path, specifier, reason });
      }
      graph.set(file.path, edges);
    }
    for (const cycle of findCycles(graph)) {
      violations.push({ file: cycle[0] as string, specifier: cycle.join(' → '), reason: 'import cycle' });
    }
  }
  return violations;
}
