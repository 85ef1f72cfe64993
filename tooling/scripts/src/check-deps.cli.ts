import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace, type WorkspacePackage } from './dependency-rules.js';
import { sourcesIn, workspaceRoot as root } from './workspace-files.js';

// `pnpm check:deps`: fails on any import against the architecture's arrows or any import cycle.
function workspacePackages(): WorkspacePackage[] {
  return ['apps', 'packages', 'tooling']
    .flatMap((group) => readdirSync(path.join(root, group)).map((name) => `${group}/${name}`))
    .concat(['seeds'])
    .filter((dir) => statSync(path.join(root, dir, 'package.json'), { throwIfNoEntry: false }))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as { name: string };
      return { name: manifest.name, dir, files: sourcesIn(path.join(root, dir), /\.(ts|vue|mjs|js)$/) };
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
