import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, lanternInBrowser } from './harness';

const lantern = lanternInBrowser('admin', { width: 1280, height: 900 });
const password = demoPassword;

async function signIn(p: Page, username: string) {
  await p.goto(`${lantern.url}/sign-in`);
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password').fill(password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
}

async function grantFromPanel(p: Page, panel: Locator, compartment: string) {
  await panel.getByRole('tab', { name: 'Compartments' }).click();
  await panel.getByRole('combobox', { name: 'Grant membership of' }).fill(compartment.slice(0, 6));
  await p.getByRole('option', { name: compartment }).click();
  await panel.getByRole('button', { name: 'Grant', exact: true }).click();
}

describe('administration and oversight, in Chromium', () => {
  it('the admin creates a compartment and reads the analyst into it; self-grant is refused', async () => {
    const p = lantern.page;
    await signIn(p, 'admin');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Users', exact: true }).isVisible()).toBe(true);

    const form = p.getByRole('region', { name: 'New compartment' });
    // Kind is a React Aria select (a button and a list box), not a native <select>.
    await form.getByRole('button', { name: /Kind/ }).click();
    await p.getByRole('option', { name: 'Fixture' }).click();
    await form.getByLabel('Name').fill('Op KESTREL');
    await form.getByRole('button', { name: 'Create compartment' }).click();
    await expect
      .poll(() => p.getByRole('article', { name: 'Compartment Op KESTREL' }).isVisible())
      .toBe(true);

    await p.getByLabel('Filter users').fill('analyst');
    expect(await p.getByRole('button', { name: 'Edit admin' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Edit analyst' }).click();
    // The user opens in a panel beside the list, focus inside it; compartments are on their own tab,
    // and the compartment is chosen in a React Aria combo box.
    const panel = p.getByRole('dialog', { name: /analyst/ });
    await expect.poll(() => panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await grantFromPanel(p, panel, 'Op KESTREL (fixture)');
    await expect
      .poll(() => p.getByRole('status').filter({ hasText: 'Read into Op KESTREL' }).isVisible())
      .toBe(true);
    const members = p.getByRole('list', { name: 'Members of Op KESTREL' });
    await expect.poll(() => members.textContent()).toContain('analyst');
    await expect.poll(() => p.getByRole('row', { name: /analyst/ }).textContent()).toContain('Op KESTREL');

    // The two-person rule, shown as the server words it.
    await p.getByLabel('Filter users').fill('admin');
    await p.getByRole('button', { name: 'Edit admin' }).click();
    await grantFromPanel(p, p.getByRole('dialog', { name: /admin/ }), 'Op KESTREL (fixture)');
    const alert = p.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('two-person');
    expect(lantern.cspViolations).toEqual([]);
  });

  it('the inspector sees the grant in the audit trail and verifies the chain', async () => {
    const p = lantern.page;
    await signIn(p, 'inspector');
    const nav = p.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Oversight & audit' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Audit trail' }).isVisible()).toBe(true);

    await p.getByLabel('Actor (username)').fill('admin');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    const grantRow = p.getByRole('row').filter({ hasText: 'access.grant-membership' });
    await expect.poll(() => grantRow.count()).toBe(1);
    expect(await grantRow.textContent()).toContain('compartmentId, userId');

    await p.getByRole('button', { name: 'Verify chain' }).click();
    const result = p.getByRole('status').filter({ hasText: 'Chain OK' });
    await expect.poll(() => result.isVisible()).toBe(true);
    expect(await result.textContent()).toMatch(/\d+ events verified/);
    expect(lantern.cspViolations).toEqual([]);
  });
});
