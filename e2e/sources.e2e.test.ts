import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lanternInBrowser } from './harness';

// The life of a source through the web (issue 20): a handler registers a prospect and requests
// approval to approach it, an authorising officer approves it from the queue, the handler records the recruitment and applies, the AO grants
// from the queue, the handler sees the clock, the AO's grant of a renewal without a review is
// refused with its rule and succeeds after one; a second handler sees nothing of the source.
const lantern = lanternInBrowser('sources', { width: 1280, height: 900 });
const pseudonym = 'HERON E2E';
let sourcePath = '';
let urn = '';

async function signInAs(p: Page, username: string) {
  await p.context().clearCookies();
  await p.goto(`${lantern.url}/sign-in`);
  await lantern.submitSignIn(username);
  await expect.poll(() => p.getByRole('heading', { name: 'Dashboard' }).isVisible()).toBe(true);
}

async function openSource(p: Page, tab?: string) {
  await p.goto(`${lantern.url}${sourcePath}${tab ? `?tab=${tab}` : ''}`);
  await expect.poll(() => p.getByRole('heading', { name: pseudonym, level: 1 }).isVisible()).toBe(true);
}

/** A React Aria select: its button (named by its label), then the option. */
async function choose(p: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('button', { name: new RegExp(label) }).click();
  await p.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** A day typed into a React Aria date field, segment by segment (en-GB: day, month, year). */
async function typeDay(p: Page, scope: Locator, label: string, isoDate: string) {
  const [year, month, day] = isoDate.split('-');
  await scope.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await p.keyboard.type(`${day}${month}${year}`);
}

/** Waits for the success toast, so the next step starts from the server's answer. */
async function toast(p: Page, text: string) {
  await expect.poll(() => p.getByRole('status').filter({ hasText: text }).count()).toBeGreaterThan(0);
}

async function dialogNamed(p: Page, name: string) {
  const dialog = p.getByRole('dialog', { name });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  return dialog;
}

async function fill(dialog: Locator, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields))
    await dialog.getByLabel(label, { exact: true }).fill(value);
}

/** The AO opens an item of their queue by its Decide link. */
async function decideFromQueue(p: Page, what: 'Approach' | 'Application' | 'Renewal') {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
  await p
    .getByRole('navigation', { name: 'Sources' })
    .getByRole('link', { name: 'Decisions waiting' })
    .click();
  await expect.poll(() => p.getByRole('heading', { name: 'Decisions waiting' }).isVisible()).toBe(true);
  await p.getByRole('link', { name: `Decide: ${what} for ${urn}` }).click();
  await expect.poll(() => p.getByRole('heading', { name: `${what}: decision` }).isVisible()).toBe(true);
}

async function grant(p: Page, reasons: string) {
  const form = p.getByRole('form', { name: 'Decision' });
  await choose(p, form, 'Decision', 'Grant');
  await form.getByLabel('Reasons', { exact: true }).fill(reasons);
  await form.getByRole('button', { name: 'Record the decision' }).click();
  return form;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('sources, in Chromium', () => {
  it('a handler registers a prospect, names its controller, record keeper and AO, and records the identity', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Sources', level: 1 }).isVisible()).toBe(true);
    await p.getByRole('button', { name: 'New prospect' }).click();
    const create = await dialogNamed(p, 'New prospect');
    await create.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
    await create.getByRole('button', { name: 'Register prospect' }).click();
    await toast(p, `Registered ${pseudonym} as`);
    await expect.poll(() => p.getByRole('heading', { name: pseudonym, level: 1 }).isVisible()).toBe(true);
    sourcePath = new URL(p.url()).pathname;
    urn = (await p.locator('.page-header__eyebrow').textContent()) ?? '';
    expect(urn).not.toBe('');

    await p.getByRole('tab', { name: 'Roles' }).click();
    for (const [role, officer] of [
      ['Controller', /Morgan Ellis/],
      ['Record keeper', /Tom Bryant/],
      ['Authorising officer', /Helen Ward/],
    ] as const) {
      await p.getByRole('button', { name: 'Assign a role' }).click();
      const dialog = await dialogNamed(p, 'Assign a role');
      await choose(p, dialog, 'Role', role);
      await choose(p, dialog, 'Officer', officer);
      await dialog.getByRole('button', { name: 'Assign the role' }).click();
      await toast(p, `${role} assigned.`);
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    const current = p.getByRole('list', { name: 'Current roles' });
    await expect.poll(() => current.textContent()).toContain('Helen Ward');

    await p.getByRole('tab', { name: 'True identity' }).click();
    await p.getByRole('button', { name: 'Record the identity' }).click();
    const vault = await dialogNamed(p, 'True identity');
    await vault.getByLabel('Full name', { exact: true }).fill('Jordan Blake');
    await typeDay(p, vault, 'Date of birth', '1990-02-14');
    await vault.getByRole('button', { name: 'Save to the vault' }).click();
    await toast(p, 'Identity recorded in the vault.');
    // The vault stays shut until asked, and says that reading it is audited.
    expect(await p.getByText('Jordan Blake').count()).toBe(0);
    expect(await p.getByText('Each reveal is audited').isVisible()).toBe(true);
    await p.getByRole('button', { name: 'Reveal the true identity' }).click();
    await expect
      .poll(() => p.getByRole('definition').filter({ hasText: 'Jordan Blake' }).isVisible())
      .toBe(true);
  });

  it('the handler requests approval to approach', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p);
    await p.getByRole('button', { name: 'Request approval to approach' }).click();
    const dialog = await dialogNamed(p, 'Request approval to approach');
    await fill(dialog, {
      'Why approach': 'Works at the depot the network uses; has spoken of concern.',
      'Risk of the approach': 'Low: approached away from the depot, alone.',
      'Bona-fides arrangement': 'May call the station switchboard and ask for the duty inspector by name.',
    });
    await dialog.getByRole('button', { name: 'Request approval' }).click();
    await toast(p, `Approval to approach ${pseudonym} requested.`);
    await expect.poll(() => p.getByText('Waiting for a decision').isVisible()).toBe(true);
    expect(await p.locator('.page-header').textContent()).toContain('Prospect');
  });

  it('the authorising officer approves the approach from the queue', async () => {
    const p = lantern.page;
    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Approach');
    const form = p.getByRole('form', { name: 'Decision' });
    await choose(p, form, 'Decision', 'Approve the approach');
    await form.getByLabel('Reasons', { exact: true }).fill('Well placed; the risk is low and managed.');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await toast(p, `Approach to ${pseudonym} approved.`);
    await expect.poll(() => p.locator('.page-header').textContent()).toContain('Approach approved');
  });

  it('the handler records the recruitment — refused, with its rule, until the source volunteers — and applies', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p);
    await p.getByRole('button', { name: 'Record the recruitment' }).click();
    const dialog = await dialogNamed(p, 'Record the recruitment');
    await typeDay(p, dialog, 'Recruited on', today());
    await fill(dialog, {
      Circumstances: 'Met at the café after the second approach.',
      "Motivation, in the source's words": '“I want the depot to be safe again.”',
    });
    await dialog.getByRole('button', { name: 'Record the recruitment' }).click();
    const refusal = dialog.getByRole('alert').filter({ hasText: 'Rule:' });
    await expect.poll(() => refusal.textContent()).toContain('Rule: CHIS Code 2022.');
    await dialog.getByText('The source volunteers: no coercion, no pressure').click();
    await dialog.getByRole('button', { name: 'Record the recruitment' }).click();
    await toast(p, `Recruitment of ${pseudonym} recorded.`);

    await p.getByRole('tab', { name: 'Authorisations' }).click();
    await p.getByRole('button', { name: 'Apply for an authorisation' }).click();
    const apply = await dialogNamed(p, 'Apply for an authorisation');
    await choose(p, apply, 'Authorising officer', /Helen Ward/);
    await choose(p, apply, 'Statutory ground', /Preventing or detecting crime/);
    await fill(apply, {
      'Why it is necessary': 'The network moves stolen goods through the depot; no other way in.',
      'Why it is proportionate': 'Limited to the depot and its staff rota; less intrusive means tried.',
      'Purpose of the tasking': 'Report who collects consignments and when.',
      Operation: 'Op KINGFISHER',
      'Conduct expected of the source': 'Observe and report; no participation.',
      'Collateral intrusion': 'Colleagues at the depot.',
      'Why the collateral intrusion is justified': 'Minimal, and nothing about them is recorded.',
    });
    await apply.getByRole('button', { name: 'Submit the application' }).click();
    await toast(p, `Application for ${pseudonym} submitted.`);
    await expect
      .poll(() => p.getByRole('listitem', { name: 'Authorisation, Op KINGFISHER' }).textContent())
      .toContain('Awaiting decision');
  });

  it('the authorising officer grants it from the queue', async () => {
    const p = lantern.page;
    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Application');
    await grant(p, 'Necessary to detect the thefts; proportionate given the limits on conduct.');
    await toast(p, 'Application granted.');
    await expect.poll(() => p.getByRole('heading', { name: pseudonym, level: 1 }).isVisible()).toBe(true);
  });

  it('the handler sees the clock and applies for a renewal', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'authorisations');
    const item = p.getByRole('listitem', { name: 'Authorisation, Op KINGFISHER' });
    await expect
      .poll(() => item.locator('.clock').first().textContent())
      .toMatch(/^Expires .+\(in 1[12] months\)$/);
    expect(await item.locator('.clock').nth(1).textContent()).toMatch(
      /^Next review due .+\(in \d+ (days|months)\)$/,
    );
    expect(await item.textContent()).toContain('In force');
    await item.getByRole('button', { name: 'Apply for a renewal' }).click();
    const dialog = await dialogNamed(p, 'Apply for a renewal');
    await fill(dialog, {
      'Why the authorisation should continue': 'The consignments continue; the source is well placed.',
    });
    await dialog.getByRole('button', { name: 'Submit the renewal' }).click();
    await toast(p, 'Renewal submitted to the authorising officer.');
  });

  it('the authorising officer’s grant of the renewal is refused without a review, naming the rule', async () => {
    const p = lantern.page;
    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Renewal');
    const form = await grant(p, 'The tests are still met.');
    const refusal = form.getByRole('alert');
    await expect.poll(() => refusal.textContent()).toContain('Rule: RIPA s.43(6)-(7).');
    expect(await refusal.textContent()).toContain('A renewal needs a review of use, tasks and information');
  });

  it('after the handler’s review, the authorising officer grants the renewal', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'authorisations');
    const item = p.getByRole('listitem', { name: 'Authorisation, Op KINGFISHER' });
    await item.getByRole('button', { name: 'Review', exact: true }).click();
    const dialog = await dialogNamed(p, 'Review the authorisation');
    await fill(dialog, {
      'Use made of the source': 'Two meetings; reports on collections.',
      'Tasks given': 'Note vehicles collecting after hours.',
      'Information obtained': 'Three registrations, two names.',
    });
    await dialog.getByRole('button', { name: 'Submit the review' }).click();
    await toast(p, 'Review submitted to the authorising officer.');

    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Renewal');
    await grant(p, 'The review shows the source remains necessary and proportionate.');
    await toast(p, 'Renewal granted.');
    const renewals = p.getByRole('list', { name: 'Renewals' });
    await expect.poll(() => renewals.textContent()).toContain('Granted');
    expect(lantern.cspViolations).toEqual([]);
  });

  it('a second handler does not see the source: not in the register, and its address is not found', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler2');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sources' }).click();
    await p.getByLabel('Search pseudonym or URN').fill(pseudonym);
    await expect.poll(() => new URL(p.url()).searchParams.get('q')).toBe(pseudonym);
    await expect.poll(() => p.getByText('No source you are read into matches.').isVisible()).toBe(true);
    await p.goto(`${lantern.url}${sourcePath}`);
    await expect.poll(() => p.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    expect(await p.getByText(pseudonym).count()).toBe(0);
    expect(lantern.cspViolations).toEqual([]);
  });
});
