import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH } from '../support/answers.js';
import { readPdf } from '../support/pdf.js';
import { CHROMIUM } from './browser.js';
import { ADMIN_PASSWORD, type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

const EMAIL = 'ciso@parnu.example';
const TITLE = 'Defacement of the city website';

/** Screenshots scrolled to the top first, so the sticky header stays where it belongs. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

/** The instant as a `datetime-local` value on the wall clock of `zone`. */
function wallClock(ms: number, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

async function api(page: Page, base: string, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const res = await page.request.fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/**
 * The incident handler (the administrator) records a defacement of the city website, marks it
 * significant under NIS2, sees the 24-hour countdown, completes, exports and sends the early
 * warning, and closes the incident with root cause, lessons learned and a corrective action. The
 * browser runs in New York while the organisation keeps Tallinn time: times typed and shown are
 * the organisation's.
 */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('incidents end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Pärnu', EMAIL);
  });

  afterAll(async () => instance?.stop());

  it('records a defacement, runs the NIS2 early warning to sent, and closes with lessons learned', async () => {
    const { base, browser } = instance;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: 'America/New_York',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();

    // The register knows the website and its class (high).
    const site = await api(page, base, 'POST', '/systems', {
      name: 'City website',
      sector: 'public-administration',
      kind: 'website',
      hosting: 'cloud',
    });
    await api(page, base, 'POST', `/systems/${site.id}/classification`, { answers: HIGH });
    const zone: string = (await api(page, base, 'GET', '/organisation')).timeZone;
    expect(zone).toBe('Europe/Tallinn');

    // Report it: the picker shows the website's class while choosing.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('link', { name: 'Report an incident', exact: true }).click();
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('What happened').fill('The front page shows a political message instead of the city news.');
    await page.getByLabel('Type').selectOption({ label: 'Website defacement' });
    await page.getByLabel('Severity').selectOption({ label: 'High' });
    await page.getByLabel('Find a system').fill('City');
    await page.getByRole('button', { name: 'Add City website' }).click();
    await page.getByRole('list', { name: 'Chosen systems' }).getByText('Class High (H) · K3T3S1').waitFor();
    await page.getByLabel('A deliberate attack?').selectOption({ label: 'Yes' });
    await page.getByText('Time in Europe/Tallinn').first().waitFor();
    await shot(page, '40-incident-report.png');
    await page.getByRole('button', { name: 'Report the incident' }).click();

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(/Incident INC-\d{4}-0001 recorded/).waitFor();
    const id = page.url().split('/').pop() ?? '';
    await page.getByRole('region', { name: 'Affected systems' }).getByText('Class High (H) · K3T3S1').waitFor();

    // NIS2: tick the criteria, aware five minutes ago on the Tallinn clock.
    const aware = Date.now() - 5 * 60_000;
    await page.getByRole('checkbox', { name: /severe operational disruption/ }).check();
    await page.getByRole('checkbox', { name: /malicious unauthorised access/ }).check();
    await page.getByLabel('Became aware at').fill(wallClock(aware, zone));
    await page.getByRole('button', { name: 'Mark significant' }).click();

    const early = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Early warning' }) });
    await early.getByRole('timer').waitFor();
    await expect(early.getByRole('timer').textContent()).resolves.toMatch(/^23 h 5\d min left$/);
    await page.getByRole('heading', { name: 'Incident notification' }).waitFor();
    await page.getByRole('heading', { name: 'Final report' }).waitFor();
    const marked = await api(page, base, 'GET', `/incidents/${id}`);
    expect(marked.significant).toBe(true);
    expect(marked.criteria).toEqual(['severe-disruption', 'malicious-access']);
    // Typed on the Tallinn clock (not New York's): the same instant, to the minute.
    expect(Math.abs(new Date(marked.awareAt).getTime() - Math.floor(aware / 60_000) * 60_000)).toBeLessThan(1000);
    await shot(page, '41-incident-nis2.png');

    // The early warning: drafted from the incident, completed, saved, exported, sent.
    await early.getByRole('link', { name: 'Open report: Early warning' }).click();
    await page.getByRole('heading', { level: 1, name: 'NIS2 early warning' }).waitFor();
    await expect(page.getByLabel('Affected services').inputValue()).resolves.toBe('City website (class H)');
    await expect(page.getByLabel('Suspected unlawful or malicious cause').inputValue()).resolves.toBe('yes');
    const markSent = page.getByRole('button', { name: 'Mark as sent' });
    await expect(markSent.isDisabled()).resolves.toBe(true);
    await page.getByLabel('What happened').fill('');
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByText('Required before the report can be sent.').waitFor();
    await expect(markSent.isDisabled()).resolves.toBe(true);
    await page.getByLabel('What happened').fill(`${TITLE}: the front page was replaced; the site is offline while it is restored.`);
    await page.getByLabel('Possible cross-border impact').selectOption({ label: 'No' });
    await page.getByRole('button', { name: 'Save the report' }).click();
    await page.getByText('Saved. The report is complete.').waitFor();
    await expect(markSent.isEnabled()).resolves.toBe(true);

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export PDF' }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe(`early-warning-${id}.pdf`);
    const pdf = readPdf(readFileSync((await pdfDownload.path()) as string));
    expect(pdf.text).toContain('NIS2 early warning');
    expect(pdf.text).toContain(TITLE);
    expect(pdf.text).toContain('City website (class H)');
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()]);
    const json = JSON.parse(readFileSync((await jsonDownload.path()) as string, 'utf8'));
    expect(json).toMatchObject({ stage: 'early-warning', fields: { crossBorder: 'no', suspectedMalicious: 'yes' } });
    await shot(page, '42-incident-early-warning.png');

    await markSent.click();
    await page.getByRole('heading', { name: 'Sent report' }).waitFor();
    await page.getByText('This report was marked as sent on').waitFor();
    await expect(page.getByRole('button', { name: 'Save the report' }).count()).resolves.toBe(0);

    // Back on the incident: the early warning is sent, the notification clock still runs.
    await page.getByRole('link', { name: /^Back to INC-/ }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await early.getByText('Sent', { exact: true }).first().waitFor();
    await early.getByRole('link', { name: 'View report: Early warning' }).waitFor();

    // Timeline, a corrective action, then closing with root cause and lessons learned.
    await page.getByLabel('What was done or found').fill('Web team restored the front page from last night’s backup.');
    await page.getByRole('button', { name: 'Add to the timeline' }).click();
    await page.getByText('Entry added.').waitFor();
    await page.getByRole('list', { name: 'Timeline entries, newest first' }).getByText('Web team restored the front page').waitFor();

    await page.getByRole('button', { name: 'Plan an action' }).click();
    await page.getByLabel('What will be done').fill('Patch the CMS and enable WAF rules');
    await page.getByLabel('Due date').fill('2030-06-30');
    await page.getByRole('button', { name: 'Plan the action' }).click();
    await page.getByRole('rowheader', { name: 'Patch the CMS and enable WAF rules' }).waitFor();

    await page.getByLabel('Set status').selectOption({ label: 'Closed' });
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Close INC-/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close the incident' }).click();
    await dialog.getByText('Say what caused the incident.').waitFor();
    await dialog.getByText('Say what the city learnt.').waitFor();
    await dialog.getByLabel('Root cause').fill('An unpatched plug-in of the content management system.');
    await dialog.getByLabel('Lessons learned').fill('Patch within 72 hours; watch the front page for changes.');
    await dialog.getByRole('button', { name: 'Close the incident' }).click();
    await page.getByText(/Incident INC-\d{4}-0001 closed\./).waitFor();
    await page.getByRole('region', { name: 'Closure' }).getByText('An unpatched plug-in of the content management system.').waitFor();
    await shot(page, '43-incident-closed.png');

    const closed = await api(page, base, 'GET', `/incidents/${id}`);
    expect(closed).toMatchObject({
      status: 'closed',
      rootCause: 'An unpatched plug-in of the content management system.',
      lessonsLearned: 'Patch within 72 hours; watch the front page for changes.',
      actions: [expect.objectContaining({ title: 'Patch the CMS and enable WAF rules', dueDate: '2030-06-30', status: 'open' })],
      reports: [expect.objectContaining({ stage: 'early-warning', sentAt: expect.any(String) })],
    });
    expect(closed.timeline.map((t: { kind: string }) => t.kind)).toEqual(
      expect.arrayContaining(['status', 'significance', 'report', 'note', 'action']),
    );

    // The board shows it in the closed column.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('tab', { name: 'Board' }).click();
    await page
      .getByRole('region', { name: /^Closed/ })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await shot(page, '44-incident-board.png');
    await context.close();
  });
});
