import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lanternInBrowser } from './harness';

// The whole life of a source through the web (issue 21): prospect → approach approved → recruited →
// authorised → risk assessed (and confirmed) → tasked (outside the conduct refused) → meeting planned
// and logged → intelligence graded and disseminated (a product naming the pseudonym refused first) →
// payment approved by a second officer and paid → review → renewal → cancellation, ending with the
// reg. 3 record complete. A second handler sees none of it.
// The life signs in as five officers, more than the default ten sign-ins a minute allow.
const lantern = lanternInBrowser(
  'sources-life',
  { width: 1280, height: 900 },
  { LANTERN_SIGN_IN_ATTEMPTS_PER_MINUTE: '100' },
);
const pseudonym = 'OSPREY LIFE';
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

/**
 * A React Aria select: its button (named by its label), then the option. A select whose options
 * load (the officers) does not open until they are there: it is tried again.
 */
async function choose(p: Page, scope: Locator, label: string, option: string | RegExp) {
  const wanted = p.getByRole('option', { name: option, exact: typeof option === 'string' });
  for (let attempt = 0; ; attempt += 1) {
    await scope.getByRole('button', { name: new RegExp(label) }).click();
    try {
      await wanted.click({ timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      // A select whose options are still loading does not open; an open one is closed first.
      if (await p.getByRole('listbox').isVisible()) await p.keyboard.press('Escape');
    }
  }
}

/** A date (and time) typed into a React Aria date field, segment by segment (en-GB). */
async function typeDate(p: Page, scope: Locator, label: string, digits: string) {
  await scope.getByRole('group', { name: label }).getByRole('spinbutton').first().click();
  await p.keyboard.type(digits);
}

const ddmmyyyy = (iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}${month}${year}`;
};

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

async function submit(p: Page, dialog: Locator, button: string, done: string) {
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await toast(p, done);
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

async function decideFromQueue(p: Page, what: 'Approach' | 'Application' | 'Renewal') {
  await p.goto(`${lantern.url}/sources/queue`);
  await expect.poll(() => p.getByRole('heading', { name: 'Decisions waiting' }).isVisible()).toBe(true);
  await p.getByRole('link', { name: `Decide: ${what} for ${urn}` }).click();
  await expect.poll(() => p.getByRole('heading', { name: `${what}: decision` }).isVisible()).toBe(true);
}

async function decide(p: Page, option: string, reasons: string) {
  const form = p.getByRole('form', { name: 'Decision' });
  await choose(p, form, 'Decision', option);
  await form.getByLabel('Reasons', { exact: true }).fill(reasons);
  await form.getByRole('button', { name: 'Record the decision' }).click();
  return form;
}

const today = () => new Date().toISOString().slice(0, 10);

describe('the life of a source, in Chromium', () => {
  it('a handler registers a prospect, names its officers, records the identity and asks to approach', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await p.goto(`${lantern.url}/sources`);
    await p.getByRole('button', { name: 'New prospect' }).click();
    const create = await dialogNamed(p, 'New prospect');
    await create.getByLabel('Pseudonym', { exact: true }).fill(pseudonym);
    await create.getByRole('button', { name: 'Register prospect' }).click();
    await toast(p, `Registered ${pseudonym} as`);
    await expect.poll(() => p.getByRole('heading', { name: pseudonym, level: 1 }).isVisible()).toBe(true);
    sourcePath = new URL(p.url()).pathname;
    urn = (await p.locator('.page-header__eyebrow').textContent()) ?? '';

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
      await submit(p, dialog, 'Assign the role', `${role} assigned.`);
    }
    await p.getByRole('tab', { name: 'True identity' }).click();
    await p.getByRole('button', { name: 'Record the identity' }).click();
    const vault = await dialogNamed(p, 'True identity');
    await vault.getByLabel('Full name', { exact: true }).fill('Rosalind Featherstonehaugh');
    await typeDate(p, vault, 'Date of birth', ddmmyyyy('1988-07-03'));
    await submit(p, vault, 'Save to the vault', 'Identity recorded in the vault.');

    await p.getByRole('tab', { name: 'Overview' }).click();
    await p.getByRole('button', { name: 'Request approval to approach' }).click();
    const approach = await dialogNamed(p, 'Request approval to approach');
    await fill(approach, {
      'Why approach': 'Works at the marina the network uses.',
      'Risk of the approach': 'Low: approached alone, away from the marina.',
      'Bona-fides arrangement': 'May call the station and ask for the duty inspector by name.',
    });
    await submit(p, approach, 'Request approval', `Approval to approach ${pseudonym} requested.`);
  });

  it('the AO approves the approach; the handler recruits and applies; the AO grants and records the conduct', async () => {
    const p = lantern.page;
    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Approach');
    await decide(p, 'Approve the approach', 'Well placed; the risk is low and managed.');
    await toast(p, `Approach to ${pseudonym} approved.`);

    await signInAs(p, 'handler');
    await openSource(p);
    await p.getByRole('button', { name: 'Record the recruitment' }).click();
    const recruit = await dialogNamed(p, 'Record the recruitment');
    await typeDate(p, recruit, 'Recruited on', ddmmyyyy(today()));
    await fill(recruit, {
      Circumstances: 'Met at the harbour café after the second approach.',
      "Motivation, in the source's words": '“I want the marina to be safe again.”',
    });
    await recruit.getByText('The source volunteers: no coercion, no pressure').click();
    await submit(p, recruit, 'Record the recruitment', `Recruitment of ${pseudonym} recorded.`);
    await p.getByRole('tab', { name: 'Authorisations' }).click();
    await p.getByRole('button', { name: 'Apply for an authorisation' }).click();
    const apply = await dialogNamed(p, 'Apply for an authorisation');
    await choose(p, apply, 'Authorising officer', /Helen Ward/);
    await choose(p, apply, 'Statutory ground', /Preventing or detecting crime/);
    await fill(apply, {
      'Why it is necessary': 'The network moves stolen engines through the marina.',
      'Why it is proportionate': 'Limited to the marina and its moorings; less intrusive means tried.',
      'Purpose of the tasking': 'Report who collects the engines and when.',
      Operation: 'Op SKUA',
      'Conduct expected of the source': 'Meet the handler and report; no participation.',
      'Collateral intrusion': 'Other boat owners.',
      'Why the collateral intrusion is justified': 'Minimal, and nothing about them is recorded.',
    });
    await submit(p, apply, 'Submit the application', `Application for ${pseudonym} submitted.`);

    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Application');
    await decide(p, 'Grant', 'Necessary to detect the thefts; proportionate given the limits on conduct.');
    await toast(p, 'Application granted.');
    await openSource(p, 'tasking');
    await p.getByRole('button', { name: 'Record the conduct covered' }).click();
    const conduct = await dialogNamed(p, 'Conduct covered: Op SKUA');
    for (const c of ['Maintain the relationship', 'Attend meetings', 'Report information'])
      await conduct.getByText(c, { exact: true }).click();
    await submit(p, conduct, 'Record the schedule', 'Conduct schedule recorded.');
    await expect
      .poll(() => p.getByRole('list', { name: 'Conduct schedules' }).textContent())
      .toContain('Attend meetings');
  });

  it('the handler assesses the risk and the AO confirms it (reg. 3(e)(f))', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'risk');
    await p.getByRole('button', { name: 'Assess the risk' }).click();
    const assess = await dialogNamed(p, 'Assess the risk');
    await fill(assess, {
      Security: 'Meets away from the marina; no phone contact at work.',
      Welfare: 'Settled; no concerns raised.',
    });
    for (const c of ['Maintain the relationship', 'Attend meetings', 'Report information'])
      await assess.getByText(c, { exact: true }).click();
    await submit(p, assess, 'Record the assessment', 'Risk assessment recorded.');

    await signInAs(p, 'authorising-officer');
    await openSource(p, 'risk');
    await p.getByRole('button', { name: 'Confirm version 1' }).click();
    const confirm = await dialogNamed(p, 'Confirm version 1');
    for (const c of [
      'I have considered the risks',
      'They were explained to the source',
      'The source understood them',
    ])
      await confirm.getByText(c, { exact: true }).click();
    await submit(p, confirm, 'Confirm', 'Version 1 confirmed.');
    await expect
      .poll(() => p.getByRole('list', { name: 'Risk assessments' }).textContent())
      .toContain('Confirmed');
  });

  it('the handler tasks (outside the conduct refused, naming the rule), plans and logs a meeting', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'tasking');
    await p.getByRole('button', { name: 'Task the source' }).click();
    const task = await dialogNamed(p, 'Task the source');
    await choose(p, task, 'Conduct asked for', 'Travel');
    await task.getByLabel('The task', { exact: true }).fill('Follow the lorry to the port.');
    await task.getByRole('button', { name: 'Record the task' }).click();
    const refusal = task.getByRole('alert').filter({ hasText: 'Rule:' });
    await expect.poll(() => refusal.textContent()).toContain('Rule: RIPA s.29(4).');
    expect(await refusal.textContent()).toContain('goes back to the authorising officer');
    await choose(p, task, 'Conduct asked for', 'Attend meetings');
    await task
      .getByLabel('The task', { exact: true })
      .fill('Attend the next meeting and report on collections.');
    await submit(p, task, 'Record the task', 'Task recorded.');

    await p.getByRole('tab', { name: 'Contacts' }).click();
    await p.getByRole('button', { name: 'Plan a meeting or log a contact' }).click();
    const plan = await dialogNamed(p, 'Plan or log a contact');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await typeDate(p, plan, 'When', `${ddmmyyyy(tomorrow)}1000`);
    await fill(plan, {
      Location: 'Lay-by on the coast road',
      'Cover story': 'Buying a second-hand outboard.',
      'Safety arrangements': 'Second officer in a car nearby.',
      'Fall-back method of contact': 'Text the agreed word to the work phone.',
    });
    await submit(p, plan, 'Record the contact', 'Meeting plan recorded.');
    const contacts = p.getByRole('list', { name: 'Contacts' });
    await expect.poll(() => contacts.textContent()).toContain('Lay-by on the coast road');
    await contacts.getByRole('button', { name: 'Record the outcome' }).click();
    const outcome = await dialogNamed(p, 'Record the outcome');
    await fill(outcome, { Outcome: 'Held as planned; two collections described.' });
    await outcome.getByLabel('Welfare notes', { exact: true }).fill('Calm and well.');
    await submit(p, outcome, 'Record the outcome', 'Outcome recorded.');
    await expect.poll(() => contacts.textContent()).toContain('Held');
  });

  it('the handler grades the intelligence and disseminates it sanitised (naming the pseudonym refused)', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'intelligence');
    await p.getByRole('button', { name: 'Record intelligence' }).click();
    const report = await dialogNamed(p, 'Record intelligence');
    await choose(p, report, 'At which contact', /^Meeting/);
    await fill(report, {
      'What was reported': 'Two engines are collected on Thursday nights by a white van.',
    });
    await choose(p, report, 'Source evaluation', '1 — reliable');
    await choose(p, report, 'Intelligence', 'B — known indirectly, corroborated');
    await choose(p, report, 'Handling code', 'P — lawful sharing permitted');
    await submit(p, report, 'Record the report', 'Intelligence recorded.');
    const reports = p.getByRole('list', { name: 'Reports' });
    await expect.poll(() => reports.textContent()).toContain('Graded 1/B/P');
    expect(await reports.textContent()).toContain('Admiralty A2');

    await p.getByRole('button', { name: 'Disseminate a sanitised product' }).click();
    const product = await dialogNamed(p, 'Disseminate a sanitised product');
    await fill(product, {
      Title: 'Engine thefts at the marina',
      'Sanitised text': `${pseudonym} says engines are collected on Thursday nights by a white van.`,
    });
    await product.getByText(/Morgan Ellis/).click();
    await product.getByRole('button', { name: 'Release the product', exact: true }).click();
    const refused = product.getByRole('alert').filter({ hasText: 'Rule:' });
    await expect.poll(() => refused.textContent()).toContain('the pseudonym');
    expect((await refused.textContent())?.toLowerCase()).toContain('source-identifying detail is removed');
    await fill(product, { 'Sanitised text': 'Engines are collected on Thursday nights by a white van.' });
    await submit(p, product, 'Release the product', 'Product released.');
    await expect.poll(() => reports.textContent()).toContain('Engine thefts at the marina');
  });

  it('a payment is requested by the handler, approved by the controller and paid', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'rewards');
    await p.getByRole('button', { name: 'Request a reward' }).click();
    const request = await dialogNamed(p, 'Request a reward');
    await fill(request, { 'Amount in pence': '2500', 'What it is for': 'Travel to the meeting.' });
    await submit(p, request, 'Request', 'Payment of £25.00 requested.');
    expect(await p.getByRole('button', { name: 'Decide' }).count()).toBe(0);

    await signInAs(p, 'controller');
    await openSource(p, 'rewards');
    await p.getByRole('button', { name: 'Decide' }).click();
    const decision = await dialogNamed(p, 'Decide the reward');
    await decision.getByLabel('Reasons', { exact: true }).fill('Reasonable expenses.');
    await submit(p, decision, 'Record the decision', 'Reward approved.');

    await signInAs(p, 'handler');
    await openSource(p, 'rewards');
    await p.getByRole('button', { name: 'Record the payment' }).click();
    const pay = await dialogNamed(p, 'Record the payment');
    await fill(pay, { 'Receipt reference': 'RCPT-0001' });
    await submit(p, pay, 'Record the payment', 'Payment recorded.');
    const rewards = p.getByRole('list', { name: 'Rewards' });
    await expect.poll(() => rewards.textContent()).toContain('RCPT-0001');
    expect(await p.getByText('£25.00').first().isVisible()).toBe(true);

    // The handler's week: the source among theirs, its meeting in the calendar's week.
    await p.goto(`${lantern.url}/sources`);
    await p.getByRole('navigation', { name: 'Sources' }).getByRole('link', { name: 'My week' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'My week', level: 1 }).isVisible()).toBe(true);
    await expect
      .poll(() => p.getByRole('list', { name: 'Sources I handle' }).textContent())
      .toContain(pseudonym);
  });

  it('after a review the AO renews, then cancels; the record is complete', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler');
    await openSource(p, 'authorisations');
    const item = p.getByRole('listitem', { name: 'Authorisation, Op SKUA' });
    await item.getByRole('button', { name: 'Apply for a renewal' }).click();
    const renewal = await dialogNamed(p, 'Apply for a renewal');
    await fill(renewal, { 'Why the authorisation should continue': 'The collections continue.' });
    await submit(p, renewal, 'Submit the renewal', 'Renewal submitted to the authorising officer.');
    await item.getByRole('button', { name: 'Review', exact: true }).click();
    const review = await dialogNamed(p, 'Review the authorisation');
    await fill(review, {
      'Use made of the source': 'One meeting; one report.',
      'Tasks given': 'Attend the meeting and report on collections.',
      'Information obtained': 'Collections on Thursday nights.',
    });
    await submit(p, review, 'Submit the review', 'Review submitted to the authorising officer.');

    await signInAs(p, 'authorising-officer');
    await decideFromQueue(p, 'Renewal');
    await decide(p, 'Grant', 'The review shows the source remains necessary and proportionate.');
    await toast(p, 'Renewal granted.');
    await openSource(p);
    await p.getByRole('button', { name: 'Cancel the authorisation' }).click();
    const cancel = await dialogNamed(p, 'Cancel the authorisation');
    await cancel.getByLabel('Reason', { exact: true }).fill('The thefts have stopped; no longer necessary.');
    await submit(p, cancel, 'Cancel the authorisation', `${pseudonym} cancelled.`);
    await expect.poll(() => p.locator('.page-header').textContent()).toContain('Cancelled');

    await p.getByRole('tab', { name: 'Record' }).click();
    await expect.poll(() => p.getByText('The record is complete').isVisible()).toBe(true);
    const rows = p.getByRole('table', { name: 'Particulars of reg. 3' }).locator('tbody tr');
    expect(await rows.count()).toBe(14);
    const states = await rows.locator('td:nth-child(3)').allTextContents();
    expect(states.filter((s) => s === 'Missing')).toEqual([]);
    expect(states.filter((s) => s === 'Present').length).toBeGreaterThanOrEqual(12);
    await p.getByRole('tab', { name: 'Timeline' }).click();
    const timeline = p.getByRole('list', { name: 'Timeline' });
    await expect.poll(() => timeline.textContent()).toContain(`Registered as ${urn}`);
    expect(lantern.cspViolations).toEqual([]);
  });

  it('a second handler sees none of it: not found, nothing in their week or dashboard', async () => {
    const p = lantern.page;
    await signInAs(p, 'handler2');
    for (const tab of ['', 'contacts', 'record']) {
      await p.goto(`${lantern.url}${sourcePath}${tab ? `?tab=${tab}` : ''}`);
      await expect.poll(() => p.getByRole('heading', { name: 'Page not found' }).isVisible()).toBe(true);
    }
    await p.goto(`${lantern.url}/sources/dashboard`);
    await expect.poll(() => p.getByRole('heading', { name: 'My week', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => p.getByRole('heading', { name: 'My sources' }).isVisible()).toBe(true);
    expect(await p.getByText(pseudonym).count()).toBe(0);
    expect(await p.getByText(urn).count()).toBe(0);
    expect(lantern.cspViolations).toEqual([]);
  });
});
