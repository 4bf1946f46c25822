// `npm run verify -- <suite> [options]`: a verification suite at full size, printing its figures
// (docs/verification.md keeps the latest run's). One line per suite below; a suite is a module whose
// `run(args)` returns its figures and whether every check held.
import os from 'node:os';
import type { SuiteResult } from './suite';

const suites: Record<string, () => Promise<{ run: (args: string[]) => Promise<SuiteResult> }>> = {
  backup: () => import('./backup.suite'),
  fuzz: () => import('./fuzz.suite'),
};

function machine(): string {
  const cpus = os.cpus();
  return (
    `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node.js ${process.versions.node}`
  );
}

const [name, ...args] = process.argv.slice(2);
const load = name ? suites[name] : undefined;
if (!load) {
  process.stderr.write(
    `usage: npm run verify -- <suite> [options]; suites: ${Object.keys(suites).join(', ')}\n`,
  );
  process.exit(2);
}
process.stdout.write(`verify ${name} — ${new Date().toISOString()}\nmachine: ${machine()}\n\n`);
const result = await (await load()).run(args);
process.stdout.write(`\n${result.ok ? 'PASS' : 'FAIL'}: ${name}\n`);
for (const failure of result.failures) process.stdout.write(`  ${failure}\n`);
process.exit(result.ok ? 0 : 1);
