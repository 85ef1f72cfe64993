import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']element-plus["']/g;

/** `ElTableColumn` → `table-column`, `vLoading` → `loading`: the folder of its styles. */
function folderOf(name: string): string {
  return name
    .replace(/^(El|v)(?=[A-Z])/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/**
 * Adds each Element Plus component's CSS beside its import, so only the styles of the components
 * a chunk uses travel with it. This is what unplugin-vue-components would do; it is not installed.
 */
export function elementStyles(): Plugin {
  const root = path.dirname(createRequire(import.meta.url).resolve('element-plus/package.json'));
  const hasStyle = (folder: string) => existsSync(path.join(root, 'es', 'components', folder, 'style', 'css.mjs'));
  return {
    name: 'kesu:element-styles',
    enforce: 'post',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\.(vue|ts)(\?|$)/.test(id) || !code.includes('element-plus')) return null;
      const folders = new Set<string>();
      for (const match of code.matchAll(IMPORT)) {
        for (const part of (match[1] ?? '').split(',')) {
          const name = part.trim().split(/\s+as\s+/)[0] ?? '';
          const folder = folderOf(name);
          if (name && hasStyle(folder)) folders.add(folder);
        }
      }
      if (folders.size === 0) return null;
      const styles = [...folders].map((f) => `import 'element-plus/es/components/${f}/style/css';`).join('\n');
      return { code: `${styles}\n${code}`, map: null };
    },
  };
}
