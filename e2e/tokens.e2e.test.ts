import { describe, expect, it } from 'vitest';
import { lanternInBrowser } from './harness';

const lantern = lanternInBrowser('tokens', { width: 1280, height: 900 });
const slow = { timeout: 15_000 };

function asBearer(secret: string) {
  return fetch(`${lantern.url}/api/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
}

describe('personal access tokens, in Chromium', () => {
  it('creates one shown once, copies it, lists it without its secret, and revokes it', async () => {
    const p = lantern.page;
    await p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lantern.url });
    await p.goto(`${lantern.url}/sign-in`);
    await lantern.submitSignIn('analyst');
    await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible(), slow).toBe(true);

    await p.getByRole('banner').getByRole('link', { name: 'Account security' }).click();
    await p.getByRole('link', { name: 'Access tokens' }).click();
    await expect
      .poll(() => p.getByRole('heading', { name: 'Access tokens', level: 1 }).isVisible(), slow)
      .toBe(true);
    await p.getByLabel('Name', { exact: true }).fill('laptop CLI');
    await p.getByLabel('Expires after (days)').fill('30');
    await p.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => p.getByText('This token is shown only once').isVisible(), slow).toBe(true);
    const secret = (await p.getByTestId('new-access-token').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^lnt_[A-Za-z0-9_-]{43}$/);

    await p.getByRole('button', { name: 'Copy token' }).click();
    await expect.poll(() => p.getByText('Copied to the clipboard.').isVisible(), slow).toBe(true);
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    // What was copied acts as the analyst.
    const me = await asBearer(secret);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('analyst');

    await p.getByRole('button', { name: 'I have copied it' }).click();
    await p.reload();
    const row = p.getByRole('row', { name: /laptop CLI/ });
    await expect.poll(() => row.isVisible(), slow).toBe(true);
    // Its last use (the request above) is shown.
    expect(await row.textContent()).not.toContain('Never');
    // Shown once: gone from the page, and the server never lists it.
    expect(await p.content()).not.toContain(secret);

    await p.getByRole('button', { name: 'Revoke laptop CLI' }).click();
    await p.getByRole('button', { name: 'Yes, revoke it' }).click();
    await expect.poll(() => p.getByText('You have no access tokens.').isVisible(), slow).toBe(true);
    expect((await asBearer(secret)).status).toBe(401);
    expect(lantern.cspViolations).toEqual([]);
  });
});
