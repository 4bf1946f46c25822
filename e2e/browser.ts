import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterEach, type TestContext } from 'vitest';
import { chromiumArgs, chromiumPath } from '../test/setup/chromium';
import { repoRoot } from '../test/server-process';

export const artifactsDir = path.join(repoRoot, 'test-results', 'e2e');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Keeps a full-page screenshot of every failed test in test-results/e2e/ (CI artifacts). */
export function keepScreenshotsOfFailures(currentPage: () => Page | undefined): void {
  afterEach(async (context: TestContext) => {
    const page = currentPage();
    if (context.task.result?.state !== 'fail' || !page) return;
    fs.mkdirSync(artifactsDir, { recursive: true });
    const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
  });
}
