#!/usr/bin/env node
// The end-to-end tests drive Debian's Chromium (never a browser downloaded by a test tool).
// Installs it when it is missing and we may (root with apt-get); otherwise says what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`Chromium is not at ${CHROMIUM}. Install Debian's package (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests (about a minute)...');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
if (!existsSync(CHROMIUM)) {
  console.error('chromium was installed but is not at /usr/bin/chromium');
  process.exit(1);
}
