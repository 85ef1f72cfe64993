import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWorkspace, type SourceFile, type WorkspacePackage } from './dependency-rules.js';

// `pnpm check:deps`: fails on any import against the architecture's arrows or any import cycle.
const root = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', '.turbo', 'coverage']);

function sources(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((entry) => {
    if (SKIP.has(entry)) return [];
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sources(full);
    if (!/\.(ts|vue|mjs|js)$/.test(entry)) return [];
    return [{ path: path.relative(root, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }];
  });
}

function workspacePackages(): WorkspacePackage[] {
  return ['apps', 'packages', 'tooling']
    .flatMap((group) => readdirSync(path.join(root, group)).map((name) => `${group}/${name}`))
    .concat(['seeds'])
    .filter((dir) => statSync(path.join(root, dir, 'package.json'), { throwIfNoEntry: false }))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { name: string };
      return { name: manifest.name, dir, files: sources(path.join(root, dir)) };
    });
}

const packages = workspacePackages();
const violations = checkWorkspace(packages);
for (const v of violations) console.error(`${v.file}: ${v.specifier} — ${v.reason}`);
if (violations.length > 0) {
  console.error(`dependency check failed: ${violations.length} violation(s)`);
  process.exit(1);
}
console.log(
  `dependency check passed: ${packages.length} packages, ${packages.reduce((n, p) => n + p.files.length, 0)} files`,
);
