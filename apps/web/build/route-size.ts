import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The reporter's form page: the shell layout and the page itself. */
export const REPORTER_PAGES = ['src/components/shell/AppShell.vue', 'src/pages/report/ReportFillPage.vue'];

export interface RouteSize {
  files: string[];
  jsGzip: number;
  cssGzip: number;
}

/**
 * What the browser must download before a route shows: the entry, the chunks the route's page
 * and layout import statically, and their CSS, gzip-compressed as a server would send them.
 */
export function routeSize(dist: string, pages: string[]): RouteSize {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('no entry in the Vite manifest');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) throw new Error(`not in the manifest: ${key}`);
    seen.add(key);
    for (const next of manifest[key].imports ?? []) if (!seen.has(next)) visit(next);
  };
  for (const key of [entry, ...pages]) if (!seen.has(key)) visit(key);
  const chunks = [...seen].map((k) => manifest[k] as ManifestChunk);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  const js = [...new Set(chunks.map((c) => c.file))];
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  return {
    files: [...js, ...css],
    jsGzip: js.reduce((s, f) => s + gz(f), 0),
    cssGzip: css.reduce((s, f) => s + gz(f), 0),
  };
}
