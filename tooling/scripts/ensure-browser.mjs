#!/usr/bin/env node
// Browser tests drive Debian's Chromium and their screenshots need a CJK font; the final
// evaluation's test opens its Word file in LibreOffice and draws each page with poppler. Playwright's
// own browser download needs the internet, so all come from apt. Plain Node: nothing else is
// assumed. Idempotent: when all are present it does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
const PACKAGES = ['chromium', 'fonts-noto-cjk', 'libreoffice-writer', 'poppler-utils'];
const TOOLS = [CHROMIUM, '/usr/bin/soffice', '/usr/bin/pdftoppm'];

function hasCjkFont() {
  return FONT_DIRS.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => /^Noto(Sans|Serif)CJK/i.test(f)));
}

function fail(reason) {
  console.error(`ensure-browser: ${reason}`);
  console.error(
    `ensure-browser: install them by hand and run again: apt-get update && apt-get install -y ${PACKAGES.join(' ')}`,
  );
  process.exit(1);
}

function run(command, args) {
  console.log(`ensure-browser: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} exited with ${result.status}`);
}

if (TOOLS.every((tool) => existsSync(tool)) && hasCjkFont()) process.exit(0);

if (!existsSync('/usr/bin/apt-get'))
  fail(`one of ${TOOLS.join(', ')} or a Noto CJK font is missing and this machine has no apt-get`);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = ['/usr/bin/sudo', '/bin/sudo'].some((p) => existsSync(p));
if (!asRoot && !hasSudo) fail('not root and no sudo to install with');
const privileged = (args) => (asRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));

privileged(['update']);
privileged(['install', '-y', ...PACKAGES]);

for (const tool of TOOLS) if (!existsSync(tool)) fail(`apt-get finished but ${tool} is still missing`);
if (!hasCjkFont()) fail(`apt-get finished but no Noto CJK font is in ${FONT_DIRS.join(' or ')}`);
console.log('ensure-browser: chromium, Noto CJK fonts, LibreOffice Writer and poppler are installed');
