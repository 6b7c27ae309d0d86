// `npm test` includes a browser test of the dashboard, driven by Debian's Chromium (browser
// downloads are not possible on these machines). This makes `npm test` work on a fresh machine:
// it installs the package when it is missing and we may, and otherwise says exactly what to run.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error(`The dashboard test needs Chromium at ${CHROMIUM}. Install it with:
  sudo apt-get update && sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium binary.`);
    process.exit(1);
  }
  console.error('Installing Debian chromium for the dashboard browser test (about 20 s)...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
