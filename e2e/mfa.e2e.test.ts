import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../test/server-process';
import { demoPassword, lanternInBrowser } from './harness';

const lantern = lanternInBrowser('mfa', { width: 1280, height: 900 });
const password = demoPassword;
// Confirming hashes ten recovery codes with argon2id, and sign-in checks them: allow a busy machine time.
const slow = { timeout: 15_000 };

async function signIn(p: Page, username: string) {
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

describe('two-step verification, in Chromium', () => {
  it('says at start-up that demo users have none enrolled', () => {
    expect(lantern.output).toContain('Demo users have no two-step verification enrolled');
  });

  it('enrols on the security page with a QR code, then asks for a code or a recovery code at sign-in', async () => {
    const p = lantern.page;
    await p.goto(`${lantern.url}/sign-in`);
    await signIn(p, 'analyst');
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible(), slow).toBe(true);

    await p.getByRole('link', { name: 'Account security' }).click();
    await expect
      .poll(() => p.getByRole('heading', { name: 'Security', level: 1 }).isVisible(), slow)
      .toBe(true);
    await p.getByRole('button', { name: 'Set up two-step verification' }).click();
    const qr = p.getByRole('img', { name: /QR code/ });
    await expect.poll(() => qr.isVisible(), slow).toBe(true);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const secret = (await p.locator('.account-mfa__secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await p.getByLabel('6-digit code from the app').fill(authenticator.generate(secret));
    await p.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expect.poll(() => p.getByText('These codes are shown only once').isVisible(), slow).toBe(true);
    const codes = await p.locator('.account-mfa__code-list code').allTextContents();
    expect(codes).toHaveLength(10);
    await p.getByRole('button', { name: 'I have stored my recovery codes' }).click();
    await expect.poll(() => p.getByText('10 recovery codes left.').isVisible(), slow).toBe(true);

    // Signing in now needs a code: the next step's code (within the ±1 window, after the one used).
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(/\/sign-in/);
    await signIn(p, 'analyst');
    await expect.poll(() => p.getByLabel('Authentication code').isVisible(), slow).toBe(true);
    const next = authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);
    await p.getByLabel('Authentication code').fill(next);
    await p.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible(), slow).toBe(true);

    // And once with a recovery code instead.
    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(/\/sign-in/);
    await signIn(p, 'analyst');
    await p.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await p.getByLabel('Recovery code').fill(codes[0]!);
    await p.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible(), slow).toBe(true);
    await p.goto(`${lantern.url}/account/security`);
    await expect.poll(() => p.getByText('9 recovery codes left.').isVisible(), slow).toBe(true);
    expect(lantern.cspViolations).toEqual([]);
  });
});

describe('LANTERN_ENV=production, in Chromium', () => {
  const prodDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-mfa-prod-'));
  let prod: ServerProcess;
  beforeAll(async () => {
    prod = await startServerProcess({
      LANTERN_ENV: 'production',
      LANTERN_SEED_DEMO: 'true',
      LANTERN_DATA_DIR: prodDir,
      LANTERN_DEMO_PASSWORD: password,
    });
  });
  afterAll(async () => {
    await prod?.stop();
    fs.rmSync(prodDir, { recursive: true, force: true });
  });

  it('sends a user without two-step verification to the security page, with no other navigation, until enrolled', async () => {
    const p = lantern.page;
    await p.goto(`${prod.url}/sources`);
    await p.waitForURL(/\/sign-in/);
    await signIn(p, 'handler');
    await p.waitForURL(/\/account\/security/);
    await expect
      .poll(() => p.getByText('Set up two-step verification to continue').isVisible(), slow)
      .toBe(true);
    expect(await p.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    // Typing another address comes back here.
    await p.goto(`${prod.url}/sources`);
    await p.waitForURL(/\/account\/security/);

    await p.getByRole('button', { name: 'Set up two-step verification' }).click();
    await expect.poll(() => p.getByRole('img', { name: /QR code/ }).isVisible(), slow).toBe(true);
    const secret = (await p.locator('.account-mfa__secret').textContent())!.replace(/\s/g, '');
    await p.getByLabel('6-digit code from the app').fill(authenticator.generate(secret));
    await p.getByRole('button', { name: 'Confirm and turn on' }).click();
    await expect.poll(() => p.getByText('These codes are shown only once').isVisible(), slow).toBe(true);
    await p.getByRole('button', { name: 'I have stored my recovery codes' }).click();
    expect(await p.getByText('it cannot be turned off').isVisible()).toBe(true);
    // The navigation is back, and the rest of Lantern opens.
    await expect.poll(() => p.getByRole('navigation', { name: 'Main' }).isVisible(), slow).toBe(true);
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible(), slow).toBe(true);
    expect(lantern.cspViolations).toEqual([]);
  });
});
