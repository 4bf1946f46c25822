import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/server-process';
import { keepScreenshotsOfFailures, launchBrowser } from './browser';

const password = 'e2e-demo-password-123';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-'));
let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page | undefined;
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await startServerProcess({ LANTERN_DATA_DIR: dataDir, LANTERN_DEMO_PASSWORD: password });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
});
keepScreenshotsOfFailures(() => page);
afterEach(async () => {
  await context?.close();
});

async function signIn(p: Page, username: string, pass: string) {
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password').fill(pass);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in, in Chromium', () => {
  it('sends a visitor to the sign-in page, signs in, shows the dashboard, and signs out', async () => {
    const p = page!;
    await p.goto(`${server.url}/`);
    await p.waitForURL(/\/sign-in/);
    await signIn(p, 'handler', password);
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
    await expect.poll(() => p.getByText('Sam Carter').first().isVisible()).toBe(true);
    // The navigation lists the modules of MISSION.md, minus those for other roles (oversight, admin).
    for (const module of ['Sources', 'Investigations', 'Communications data', 'Vetting']) {
      expect(await p.getByRole('link', { name: module }).count()).toBeGreaterThan(0);
    }
    expect(await p.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await p.getByRole('link', { name: 'Sources' }).first().click();
    await expect.poll(() => p.getByRole('heading', { name: 'Sources' }).isVisible()).toBe(true);

    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(/\/sign-in/);
    // The session is gone on the server too: the API refuses the old cookie.
    const me = await p.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    expect(cspViolations).toEqual([]);
  });

  it('shows an error for a wrong password and stays on the sign-in page', async () => {
    const p = page!;
    await p.goto(`${server.url}/sign-in`);
    await signIn(p, 'handler', 'not-the-password');
    const alert = p.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Wrong username or password');
    expect(p.url()).toContain('/sign-in');
  });

  it('can be used with the keyboard alone', async () => {
    const p = page!;
    await p.goto(`${server.url}/sign-in`);
    await p.getByLabel('Username').focus();
    await p.keyboard.type('analyst');
    await p.keyboard.press('Tab');
    await p.keyboard.type(password);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
  });
});
