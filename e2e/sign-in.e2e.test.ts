import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, lanternInBrowser } from './harness';

const lantern = lanternInBrowser('sign-in');
const password = demoPassword;

async function signIn(p: Page, username: string, pass: string) {
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password').fill(pass);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in, in Chromium', () => {
  it('sends a visitor to the sign-in page, signs in, shows the dashboard, and signs out', async () => {
    const p = lantern.page;
    await p.goto(`${lantern.url}/`);
    await p.waitForURL(/\/sign-in/);
    await signIn(p, 'handler', password);
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
    await expect.poll(() => p.getByText('Sam Carter').first().isVisible()).toBe(true);
    // The navigation lists only modules that exist and that the user's permissions open: the
    // handler's Sources; oversight and administration need permissions a handler does not hold,
    // and communications data is the SPoC's. The dashboard offers what is open, and the account page.
    const nav = p.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link', { name: 'Sources' }).isVisible()).toBe(true);
    for (const module of ['Communications data', 'Oversight & audit', 'Administration']) {
      expect(await nav.getByRole('link', { name: module }).count()).toBe(0);
    }
    await expect.poll(() => p.getByRole('heading', { name: 'Open to you' }).isVisible()).toBe(true);
    // A module page typed by hand is not found, inside the shell, as the API answers.
    await p.goto(`${lantern.url}/admin`);
    await expect.poll(() => p.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    expect(await nav.isVisible()).toBe(true);

    await p.getByRole('button', { name: 'Sign out' }).click();
    await p.waitForURL(/\/sign-in/);
    // The session is gone on the server too: the API refuses the old cookie.
    const me = await p.request.get(`${lantern.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    expect(lantern.cspViolations).toEqual([]);
  });

  it('shows an error for a wrong password and stays on the sign-in page', async () => {
    const p = lantern.page;
    await p.goto(`${lantern.url}/sign-in`);
    await signIn(p, 'handler', 'not-the-password');
    const alert = p.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Wrong username or password');
    expect(p.url()).toContain('/sign-in');
  });

  it('can be used with the keyboard alone', async () => {
    const p = lantern.page;
    await p.goto(`${lantern.url}/sign-in`);
    await p.getByLabel('Username').focus();
    await p.keyboard.type('analyst');
    await p.keyboard.press('Tab');
    await p.keyboard.type(password);
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
  });
});
