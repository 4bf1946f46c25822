import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Debian's Chromium: Playwright cannot download its own browsers on these machines (STACK.md). */
export const chromiumPath = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Installs Chromium with apt-get when it is missing and we are root; otherwise says how. */
export function ensureChromium(): string {
  if (fs.existsSync(chromiumPath)) return chromiumPath;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}. Install it with \`sudo apt-get install -y chromium\` ` +
        '(Debian) or point LANTERN_CHROMIUM at a Chromium binary.',
    );
  }
  process.stderr.write('[test setup] installing Chromium (apt-get install chromium)...\n');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!fs.existsSync(chromiumPath)) throw new Error(`apt-get finished but ${chromiumPath} is still missing.`);
  return chromiumPath;
}
