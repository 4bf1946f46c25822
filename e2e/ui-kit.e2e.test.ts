import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword, lanternInBrowser } from './harness';

/**
 * The web UI kit (web/src/ui, ADR 0020) on the screens that use it, under the app's CSP
 * (style-src 'self'): React Aria's components, forms bound to the shared contracts, the data table
 * with its state in the URL, toasts, and the one date format.
 */
const lantern = lanternInBrowser('ui-kit', { width: 1280, height: 900 });

async function signIn(p: Page, username: string) {
  await p.goto(`${lantern.url}/sign-in`);
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password').fill(demoPassword);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
}

async function openAdministration(p: Page) {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
  await expect.poll(() => p.getByRole('heading', { name: 'Users', exact: true }).isVisible()).toBe(true);
}

/** What the CSP would have refused: injected <style> elements (React Aria's, if it made any). */
function styleElements(p: Page): Promise<number> {
  return p.evaluate(() => document.querySelectorAll('style').length);
}

describe('the UI kit, in Chromium under the CSP', () => {
  it('checks a form against its contract as one types, and puts the server’s refusal where it belongs', async () => {
    const p = lantern.page;
    await signIn(p, 'admin');
    await openAdministration(p);

    await p.getByRole('button', { name: 'New user' }).click();
    const dialog = p.getByRole('dialog', { name: 'New user' });
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    const username = dialog.getByLabel('Username', { exact: true });
    await username.fill('Ada!');
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe('true');
    expect(
      await dialog.getByText('Lower-case letters, digits, dot, dash or underscore').count(),
    ).toBeGreaterThan(0);
    await username.fill('ada.lovelace');
    await expect.poll(() => username.getAttribute('aria-invalid')).toBe(null);
    await dialog.getByLabel('Display name').fill('Ada Lovelace');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => dialog.getByText('Give at least one role').isVisible()).toBe(true);
    await dialog.getByText('Analyst', { exact: true }).click(); // the box's label, as a user would
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const created = p.getByRole('dialog', { name: 'Created ada.lovelace' });
    await expect.poll(() => created.locator('code.secret').isVisible()).toBe(true);
    await created.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => p.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => p.evaluate(() => document.activeElement?.textContent?.trim())).toBe('New user');

    // A refusal without a field (the name is taken) is shown at the top of the form.
    await p.getByRole('button', { name: 'New user' }).click();
    await dialog.getByLabel('Username', { exact: true }).fill('ada.lovelace');
    await dialog.getByLabel('Display name').fill('Ada again');
    await dialog.getByText('Analyst', { exact: true }).click(); // the box's label, as a user would
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('already exists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The server's `details.fields[].path` lands against its field, focused.
    const form = p.getByRole('region', { name: 'New compartment' });
    const name = form.getByLabel('Name');
    await name.fill('Op HERON');
    await form.getByRole('button', { name: 'Create compartment' }).click();
    await expect.poll(() => p.getByRole('article', { name: 'Compartment Op HERON' }).isVisible()).toBe(true);
    await name.fill('Op HERON');
    await form.getByRole('button', { name: 'Create compartment' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Already taken').isVisible()).toBe(true);
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await styleElements(p)).toBe(0);
    expect(lantern.cspViolations).toEqual([]);
  });

  it('keeps a table’s sort and filter in the URL; menus, confirmations and toasts', async () => {
    const p = lantern.page;
    await signIn(p, 'admin');
    await openAdministration(p);
    const status = p.getByRole('columnheader', { name: /Status/ });
    await status.click();
    await p.waitForURL(/sort=status/);
    await status.click();
    await p.waitForURL(/sort=-status/);
    await p.reload();
    await expect.poll(() => status.getAttribute('aria-sort')).toBe('descending');

    await p.getByLabel('Filter users').fill('handler');
    await p.waitForURL(/q=handler/);
    await p.getByRole('button', { name: 'More actions for handler', exact: true }).click();
    await p.getByRole('menuitem', { name: 'Disable account' }).click();
    const confirm = p.getByRole('alertdialog', { name: 'Disable this account?' });
    await confirm.getByRole('button', { name: 'Disable account' }).click();
    await expect
      .poll(() => p.getByRole('status').filter({ hasText: 'handler disabled' }).isVisible())
      .toBe(true);
    await expect.poll(() => p.getByRole('row', { name: / handler$/ }).textContent()).toContain('Disabled');

    expect(await styleElements(p)).toBe(0);
    expect(lantern.cspViolations).toEqual([]);
  });

  it('shows dates one way (en-GB), in tables and in date pickers', async () => {
    const p = lantern.page;
    await signIn(p, 'inspector');
    await p
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Oversight & audit' })
      .click();
    await expect.poll(() => p.getByRole('heading', { name: 'Audit trail' }).isVisible()).toBe(true);

    // Times in the table: "14 Mar 2026, 09:05:12".
    const time = p.getByRole('row').nth(1).getByRole('gridcell').first();
    await expect.poll(() => time.textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);

    // The date picker reads day, month, year, and opens a calendar.
    const from = p.getByRole('group', { name: 'From' });
    const segments = await from
      .locator('[data-type]')
      .evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-type')).filter((type) => type !== 'literal'),
      );
    expect(segments).toEqual(['day', 'month', 'year', 'hour', 'minute']);
    await from.getByRole('button', { name: 'Open the calendar' }).click();
    await expect.poll(() => p.getByRole('grid').count()).toBeGreaterThan(1);
    await p.keyboard.press('Escape');

    await p.getByLabel('Actor (username)').fill('admin');
    await p.getByRole('button', { name: 'Apply filters' }).click();
    await p.waitForURL(/actor=admin/);

    expect(await styleElements(p)).toBe(0);
    expect(lantern.cspViolations).toEqual([]);
  });
});
