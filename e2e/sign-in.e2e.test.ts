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
