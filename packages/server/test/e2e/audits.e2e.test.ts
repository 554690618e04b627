import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf.js';
import { CHROMIUM } from './browser.js';
import { ADMIN_PASSWORD, type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

/** ISKE answers for a traffic-signal controller: K3T3S1, security level H. */
const ANSWERS = {
  'outage-day': 'safety-at-risk',
  'physical-equipment': 'controls',
  'wrong-data-decisions': 'health-or-safety',
  'personal-data': 'none',
  'other-information': 'internal',
  'tolerable-downtime': 'hours',
  'official-record': 'no',
  'who-did-what': 'useful',
};

const FINDING = 'Administrators log in without MFA';
const ACTION = 'Enforce MFA for every administrator';

async function csrf(page: Page, base: string): Promise<string> {
  return (await (await page.request.get(`${base}/api/v1/auth/me`)).json()).csrfToken;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `60-audits-${name}.png`), fullPage: true });
}

/** A day relative to today (UTC), as YYYY-MM-DD: date inputs take this form. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A colleague invited by the administrator, logged in in a browser context of their own. */
async function member(instance: E2eInstance, admin: Page, email: string, name: string, role: string): Promise<{ page: Page; id: string }> {
  const { base, browser } = instance;
  const invite = await admin.request.post(`${base}/api/v1/invitations`, {
    headers: { 'x-csrf-token': await csrf(admin, base) },
    data: { email, role },
  });
  expect(invite.status(), await invite.text()).toBe(201);
  const token = new URL((await invite.json()).link).searchParams.get('token');
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const accepted = await page.request.post(`${base}/api/v1/invitations/accept`, { data: { token, name, password: ADMIN_PASSWORD } });
  expect(accepted.status(), await accepted.text()).toBe(201);
  return { page, id: (await accepted.json()).user.id as string };
}

/** The council report as the officer would download it, read back as text (whitespace collapsed). */
async function councilText(page: Page, base: string): Promise<string> {
  const requested = await page.request.post(`${base}/api/v1/reports`, {
    headers: { 'x-csrf-token': await csrf(page, base) },
    data: { kind: 'council', format: 'pdf' },
  });
  expect(requested.status(), await requested.text()).toBe(202);
  const id = (await requested.json()).id as string;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await (await page.request.get(`${base}/api/v1/reports/${id}`)).json();
    if (r.status === 'done') break;
    if (r.status === 'failed') throw new Error(`council report failed: ${r.error}`);
    if (Date.now() > deadline) throw new Error('council report took too long');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const file = await page.request.get(`${base}/api/v1/reports/${id}/file`);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toContain('application/pdf');
  const { text, pages } = readPdf(Buffer.from(await file.body()));
  expect(pages).toBeGreaterThan(1);
  return text.replace(/\s+/g, ' ');
}

/**
 * The audit cycle across four people in their own browsers: the security officer plans an audit
 * and assigns the auditor (with the declaration of independence); the auditor records results and
 * a finding with a corrective action for the system owner; the owner finds the action on "My work"
 * and reports it done; the auditor verifies the closure; and the council report shows the open
 * finding before and no open finding after.
 */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('audits end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Viljandi', 'ciso@viljandi.example');
  });

  afterAll(async () => instance?.stop());

  it('plans an audit, records a finding, and follows its corrective action to verified closure', async () => {
    const { base } = instance;
    const admin = await instance.adminPage();
    const officer = await member(instance, admin, 'officer@viljandi.example', 'Olev Officer', 'security_officer');
    const owner = await member(instance, admin, 'owner@viljandi.example', 'Mari Owner', 'system_owner');
    const auditor = await member(instance, admin, 'auditor@viljandi.example', 'Aino Auditor', 'auditor');

    // The register: the owner's system, classified H (the classification has its own end-to-end test).
    const created = await admin.request.post(`${base}/api/v1/systems`, {
      headers: { 'x-csrf-token': await csrf(admin, base) },
      data: { name: 'Traffic signal control', sector: 'transport', kind: 'ot-iot', hosting: 'on-premises', ownerId: owner.id },
    });
    expect(created.status(), await created.text()).toBe(201);
    const systemId = (await created.json()).id as string;
    const classified = await admin.request.post(`${base}/api/v1/systems/${systemId}/classification`, {
      headers: { 'x-csrf-token': await csrf(admin, base) },
      data: { answers: ANSWERS, overrides: {}, reason: null },
    });
    expect(classified.status(), await classified.text()).toBe(201);

    // Before the audit the council report has no open finding.
    const before = await councilText(officer.page, base);
    expect(before).toContain('There are no open audit findings.');

    // ── The officer: the programme shows the system due; an audit is planned in the form. ──
    const o = officer.page;
    await o.goto(`${base}/`);
    await o.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await o.getByRole('heading', { level: 1, name: 'Audits' }).waitFor();
    await o.getByRole('button', { name: /^1\s*Never audited$/ }).waitFor();
    await o
      .getByRole('row', { name: /Traffic signal control/ })
      .getByText('Never audited')
      .waitFor();
    await shot(o, 'programme');

    await o.getByRole('link', { name: 'Plan an audit' }).click();
    await o.getByRole('heading', { level: 1, name: 'Plan an audit' }).waitFor();
    await o.getByLabel('Title').fill('Transport systems');
    await o.getByLabel('Starts on').fill(day(0));
    await o.getByLabel('Ends on').fill(day(-1));
    await o.getByLabel('Search systems').fill('Traffic');
    await o.getByRole('button', { name: 'Add Traffic signal control to the scope' }).click();
    await o.getByRole('list', { name: 'Systems in scope' }).getByText('Traffic signal control').waitFor();
    // The end before the start is refused before anything is sent.
    await o.getByRole('button', { name: 'Plan the audit' }).click();
    await o.getByText('The audit cannot end before it starts.').waitFor();
    await o.getByLabel('Ends on').fill(day(30));
    await o.getByRole('button', { name: 'Plan the audit' }).click();
    await o.getByRole('heading', { level: 1, name: 'Transport systems' }).waitFor();
    const notice = (await o.getByText(/^Audit AUD-\d{4}-\d{3} has been planned/).textContent()) ?? '';
    const auditRef = notice.match(/AUD-\d{4}-\d{3}/)?.[0] ?? '';
    expect(auditRef).not.toBe('');
    const auditUrl = o.url();

    // Fieldwork waits for an auditor; the officer assigns one with the declaration of independence.
    await expect(o.getByRole('button', { name: 'Move to Fieldwork' }).isDisabled()).resolves.toBe(true);
    await o.getByRole('button', { name: 'Assign an auditor' }).click();
    await o.getByLabel('Auditor', { exact: true }).selectOption(auditor.id);
    const declaration = o.getByLabel('Declaration of independence');
    await expect(declaration.inputValue()).resolves.toContain('in the last two years');
    await o.getByRole('button', { name: 'Assign the auditor' }).click();
    await o.getByText('The confirmation is required.').waitFor();
    await o.getByLabel(/The auditor confirms no consulting/).check();
    await o.getByRole('button', { name: 'Assign the auditor' }).click();
    const auditors = o.locator('.auditor-list');
    await auditors.getByText('Aino Auditor').waitFor();
    await auditors.getByText(/not provided consulting/).waitFor();
    await o.getByRole('button', { name: 'Move to Fieldwork' }).click();
    await o.locator('.stepper__step--current').getByText('Fieldwork').waitFor();
    await shot(o, 'planned');

    // ── The auditor: results in the fieldwork list, then a finding with a corrective action. ──
    const a = auditor.page;
    await a.goto(auditUrl);
    await a.getByRole('heading', { level: 1, name: 'Transport systems' }).waitFor();
    await a.getByText('You are an auditor of this audit').waitFor();
    const rows = a.locator('table.table--fieldwork > tbody > tr:not(.details-row)');
    await rows.first().waitFor();
    const firstName = ((await rows.nth(0).locator('th a').textContent()) ?? '').trim();
    const secondName = ((await rows.nth(1).locator('th a').textContent()) ?? '').trim();
    const secondControl = ((await rows.nth(1).locator('.requirement-link__id').textContent()) ?? '').trim();
    // One click records a result.
    await a
      .getByRole('group', { name: `Result for ${firstName}` })
      .getByRole('button', { name: 'Satisfied', exact: true })
      .click();
    await a
      .getByRole('group', { name: `Result for ${firstName}` })
      .getByRole('button', { name: 'Satisfied', exact: true, pressed: true })
      .waitFor();
    // The details take observations and sampling.
    await a.getByRole('button', { name: `Details of ${secondName}` }).click();
    const editor = a.getByRole('form', { name: `Result for ${secondName}` });
    await editor.getByLabel('Not satisfied').check();
    await editor.getByLabel('Observations').fill('Five of forty administrator accounts had no second factor.');
    await editor.getByLabel('Sampling').fill('5 of 40 administrator accounts');
    await editor.getByRole('button', { name: 'Save result' }).click();
    await editor.getByText(`The result for ${secondName} has been saved.`).waitFor();
    await a.getByText(/^2 of \d+ requirements in scope assessed$/).waitFor();

    await a.getByRole('button', { name: 'Record finding' }).click();
    const form = a.locator('form.finding-form');
    await form.getByLabel('Finding', { exact: true }).fill(FINDING);
    await form.getByLabel('Description').fill('Five of forty administrator accounts had no second factor.');
    await form.getByLabel('Severity').selectOption({ label: 'High' });
    await form.getByLabel('Control', { exact: true }).fill(secondControl);
    await expect(form.getByRole('checkbox', { name: 'Traffic signal control' }).isChecked()).resolves.toBe(true);
    await form.getByLabel('What must be done').fill(ACTION);
    await form.getByLabel('Action owner', { exact: true }).selectOption(owner.id);
    await form.getByRole('button', { name: 'Record the finding' }).click();
    const recorded = (await a.getByText(/^Finding F-\d{4}-\d{3} has been recorded with its corrective action\.$/).textContent()) ?? '';
    const findingRef = recorded.match(/F-\d{4}-\d{3}/)?.[0] ?? '';
    expect(findingRef).not.toBe('');
    await a.locator('.finding-list').getByText(FINDING).waitFor();
    await shot(a, 'fieldwork');

    // The council report now shows the open finding among the top risks.
    const during = await councilText(officer.page, base);
    expect(during).toContain('1 open finding');
    expect(during).toContain(findingRef);
    expect(during).not.toContain('There are no open audit findings.');

    // ── The owner: the action waits on "My work"; a milestone, then reported done. ──
    const w = owner.page;
    await w.goto(`${base}/my-work`);
    await w.getByRole('heading', { level: 2, name: 'My corrective actions' }).waitFor();
    await w.locator('.work-list').getByText(ACTION).waitFor();
    await w.getByRole('link', { name: 'Open the plan of action' }).click();
    await w.getByRole('heading', { level: 1, name: 'Corrective actions' }).waitFor();
    const card = w.locator('article.action-card').filter({ hasText: ACTION });
    await card.getByText(`Finding ${findingRef}`).waitFor();
    await card.getByRole('button', { name: `Details of ${ACTION}` }).click();
    await card.getByLabel('Milestone', { exact: true }).fill('Tokens handed out');
    await card.getByLabel('Milestone due').fill(day(7));
    await card.getByRole('button', { name: 'Add milestone' }).click();
    await card.getByRole('checkbox', { name: 'Tokens handed out' }).click();
    await card.getByText('The milestone is done.').waitFor();
    await expect(card.getByRole('checkbox', { name: 'Tokens handed out' }).isChecked()).resolves.toBe(true);
    await card.getByRole('button', { name: 'Mark done' }).click();
    await card.getByText('The action is now: Done, awaiting verification.').waitFor();
    await shot(w, 'owner-actions');

    // ── The auditor verifies the closure. ──
    await a.goto(`${base}/corrective-actions`);
    const toVerify = a.locator('article.action-card').filter({ hasText: ACTION });
    await toVerify.getByRole('button', { name: `Details of ${ACTION}` }).click();
    await toVerify.getByLabel('Verification note').fill('MFA enforced; sampled ten accounts.');
    await toVerify.getByRole('button', { name: 'Verify closure' }).click();
    await toVerify.getByRole('heading', { name: 'Closure verified' }).waitFor();
    await toVerify.getByText('MFA enforced; sampled ten accounts.').waitFor();
    await shot(a, 'verified');

    // The finding is closed on the audit page, and the open-actions list no longer has the action.
    await o.goto(auditUrl);
    await o.locator('.finding-list').getByText(FINDING).waitFor();
    await o.locator('.finding-list').getByText('Closed', { exact: true }).waitFor();
    await o.goto(`${base}/corrective-actions`);
    await o.getByText('There are no open corrective actions.').waitFor();
    await o.getByLabel('Status').selectOption({ label: 'Verified' });
    await o.locator('article.action-card').filter({ hasText: ACTION }).getByText('Verified', { exact: true }).waitFor();

    // The council report shows the change: no open finding any more.
    const after = await councilText(officer.page, base);
    expect(after).toContain('There are no open audit findings.');
    expect(after).not.toContain(findingRef);
  });
});
