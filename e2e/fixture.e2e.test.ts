import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lanternInBrowser } from './harness';

// The reference module's page (test/fixture-module/web/), in Chromium against a server started with
// the module on: a form bound to the create contract, a table paged and searched by the server.
const lantern = lanternInBrowser('fixture', { width: 1280, height: 900 }, { LANTERN_MODULES: 'fixture' });
const compartment = 'Op REFERENCE';

async function signIn(p: Page, username: string) {
  await p.goto(`${lantern.url}/sign-in`);
  await lantern.submitSignIn(username);
  await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
}

/** An API call from the signed-in page, with the CSRF header the web client sends. */
async function call(p: Page, method: 'GET' | 'POST', path: string, data?: unknown) {
  const csrf = (await p.context().cookies()).find((c) => c.name === 'lantern_csrf')?.value ?? '';
  const res = await p.request.fetch(`${lantern.url}${path}`, {
    method,
    headers: { 'x-csrf-token': csrf },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

describe('the reference module, in Chromium', () => {
  it('is not the administrator’s: no entry in their navigation, and they read the handler into a compartment', async () => {
    const p = lantern.page;
    await signIn(p, 'admin');
    const nav = p.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link', { name: 'Administration' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Reference records' }).count()).toBe(0);
    const { users } = await call(p, 'GET', '/api/admin/users');
    const handler = users.find((u: { username: string }) => u.username === 'handler');
    const created = await call(p, 'POST', '/api/admin/compartments', { kind: 'fixture', name: compartment });
    await call(p, 'POST', `/api/admin/compartments/${created.compartment.id}/members`, {
      userId: handler.id,
    });
  });

  it('the handler creates a record with the form, is refused a used reference on its field, and finds the record in the table', async () => {
    const p = lantern.page;
    await signIn(p, 'handler');
    await p
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reference records' })
      .click();
    await expect.poll(() => p.getByRole('heading', { name: 'Reference records' }).isVisible()).toBe(true);

    const create = async (reference: string, title: string) => {
      await p.getByRole('button', { name: 'New record' }).click();
      const dialog = p.getByRole('dialog', { name: 'New record' });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      // Compartment is a React Aria select (a button and a list box), not a native <select>.
      await dialog.getByRole('button', { name: /Compartment/ }).click();
      await p.getByRole('option', { name: compartment }).click();
      await dialog.getByLabel('Reference', { exact: true }).fill(reference);
      await dialog.getByLabel('Title', { exact: true }).fill(title);
      await dialog.getByLabel('Secret', { exact: true }).fill('true name: kept encrypted');
      await dialog.getByRole('button', { name: 'Create record' }).click();
      return dialog;
    };

    const first = await create('REF-E2E-0001', 'Meeting note, harbour office');
    await expect
      .poll(() => p.getByRole('status').filter({ hasText: 'Created REF-E2E-0001.' }).isVisible())
      .toBe(true);
    await expect.poll(() => first.isVisible()).toBe(false);
    const row = p.getByRole('row', { name: /REF-E2E-0001/ });
    await expect.poll(() => row.textContent()).toContain('Meeting note, harbour office');

    // The same reference again: the server refuses it (409) and the form shows why against the field.
    const second = await create('REF-E2E-0001', 'Another note');
    await expect.poll(() => second.getByText('already used by a record you can see').isVisible()).toBe(true);
    const reference = second.getByLabel('Reference', { exact: true });
    expect(await reference.getAttribute('aria-invalid')).toBe('true');
    await second.getByRole('button', { name: 'Cancel' }).click();

    // The table is searched by the server, its state in the URL.
    await create('REF-E2E-0002', 'Vehicle sighting, ring road');
    await expect.poll(() => p.getByRole('row', { name: /REF-E2E-0002/ }).isVisible()).toBe(true);
    await p.getByLabel('Search title or reference').fill('harbour');
    await expect.poll(() => new URL(p.url()).searchParams.get('q')).toBe('harbour');
    await expect.poll(() => p.getByRole('row', { name: /REF-E2E-0002/ }).count()).toBe(0);
    await expect.poll(() => row.isVisible()).toBe(true);
    await p.reload();
    await expect.poll(() => p.getByRole('row', { name: /REF-E2E-0001/ }).isVisible()).toBe(true);
    expect(await p.getByLabel('Search title or reference').inputValue()).toBe('harbour');
    expect(lantern.cspViolations).toEqual([]);
  });
});
