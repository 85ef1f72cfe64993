#!/usr/bin/env node
// Browser tests drive Debian's Chromium and their screenshots need a CJK font. Playwright's own
// browser download needs the internet, so both come from apt. Plain Node: nothing else is assumed.
// Idempotent: when both are present it does nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const FONT_DIRS = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function hasCjkFont() {
  return FONT_DIRS.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => /^Noto(Sans|Serif)CJK/i.test(f)));
}

function fail(reason) {
  console.error(`ensure-browser: ${reason}`);
  console.error(`ensure-browser: install them by hand and run again: apt-get update && apt-get install -y ${PACKAGES.join(' ')}`);
  process.exit(1);
}

function run(command, args) {
  console.log(`ensure-browser: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${[command, ...args].join(' ')} exited with ${result.status}`);
}

if (existsSync(CHROMIUM) && hasCjkFont()) process.exit(0);

if (!existsSync('/usr/bin/apt-get')) fail(`${CHROMIUM} or a Noto CJK font is missing and this machine has no apt-get`);
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasSudo = ['/usr/bin/sudo', '/bin/sudo'].some((p) => existsSync(p));
if (!asRoot && !hasSudo) fail('not root and no sudo to install with');
const privileged = (args) => (asRoot ? run('apt-get', args) : run('sudo', ['-n', 'apt-get', ...args]));

privileged(['update']);
privileged(['install', '-y', ...PACKAGES]);

if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing`);
if (!hasCjkFont()) fail(`apt-get finished but no Noto CJK font is in ${FONT_DIRS.join(' or ')}`);
console.log('ensure-browser: chromium and Noto CJK fonts are installed');
