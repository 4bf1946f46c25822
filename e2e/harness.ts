import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/server-process';
import { keepScreenshotsOfFailures, launchBrowser } from './browser';

export const demoPassword = 'e2e-demo-password-123';

export interface BrowserHarness {
  /** The started server's base URL. */
  readonly url: string;
  /** This test's page, in a fresh browser context (no cookies from other tests). */
  readonly page: Page;
  /** What the server printed so far (start-up message, logs). */
  readonly output: string;
  /** Content-Security-Policy violations the page reported; tests expect none. */
  readonly cspViolations: string[];
  /** Fills in the sign-in form for a demo user and submits it (the caller asserts what follows). */
  submitSignIn(username: string, password?: string): Promise<void>;
}

/**
 * Registers the hooks every browser test needs: a real server process with its own data dir and
 * demo users, one Chromium per file, a fresh context per test, CSP violations collected, and a
 * screenshot of every failure kept in test-results/e2e/.
 */
export function lanternInBrowser(
  name: string,
  viewport = { width: 1280, height: 800 },
  /** More of the server's environment, e.g. `{ LANTERN_MODULES: 'fixture' }`. */
  env: Record<string, string> = {},
): BrowserHarness {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lantern-e2e-${name}-`));
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess({
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: demoPassword,
      ...env,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
  });
  keepScreenshotsOfFailures(() => page);
  afterEach(async () => {
    await context?.close();
  });

  return {
    get url() {
      return server!.url;
    },
    get page() {
      return page!;
    },
    get output() {
      return server!.output();
    },
    cspViolations,
    async submitSignIn(username: string, password = demoPassword) {
      await page!.getByLabel('Username').fill(username);
      await page!.getByLabel('Password').fill(password);
      await page!.getByRole('button', { name: 'Sign in' }).click();
    },
  };
}
