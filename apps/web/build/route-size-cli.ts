// Prints what the browser downloads for the reporter's form page, as JSON, for `pnpm bench`
// (which may not import the app, so it runs this instead).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPORTER_PAGES, routeSize } from './route-size.js';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
process.stdout.write(`${JSON.stringify(routeSize(path.resolve(dist), REPORTER_PAGES))}\n`);
