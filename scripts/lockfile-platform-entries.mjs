// Adds lockfile entries for platform-specific optional packages that the npm registry mirror of
// these machines does not serve (it answers 404 for e.g. @biomejs/cli-win32-x64), so `npm install`
// leaves them out of package-lock.json and `npm ci` then refuses the lock as out of sync.
// Each added entry names its os/cpu (and libc), so npm skips it on every other platform; on its
// own platform npm fetches it by name and version as usual. Run after changing dependencies:
//   node scripts/lockfile-platform-entries.mjs
import fs from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

function platformOf(name) {
  const m = /-(android|darwin|linux|win32|freebsd)-(arm64|x64|arm|ia32)(-(musl|gnu))?$/.exec(name);
  if (!m) return undefined;
  const platform = { os: [m[1]], cpu: [m[2]] };
  if (m[4]) platform.libc = [m[4] === 'gnu' ? 'glibc' : 'musl'];
  return platform;
}

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  for (const [name, version] of Object.entries(entry.optionalDependencies)) {
    const path = `node_modules/${name}`;
    if (packages[path] || packages[`${key}/${path}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[path] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform entries to package-lock.json\n`);
