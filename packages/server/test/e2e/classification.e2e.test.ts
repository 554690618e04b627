import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './browser.js';
import { type E2eInstance, startE2eInstance } from './instance.js';

/** Screenshots to look at after a run; scrolled to the top first, so the fixed header stays there. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/cityshield-classification-${name}.png`, fullPage: true });
}

/** ISKE questionnaire answers for a traffic-signal controller: K3T3S1, security level H. */
const ANSWERS: Array<[question: string, answer: string]> = [
  ['What happens if this system is unavailable for a day?', "People's health or safety is at risk"],
  ['What is the longest outage the city can live with?', 'A few hours or less.'],
  ['Does it control physical equipment', 'Yes, it switches or steers equipment.'],
  ['Could wrong data in it lead to wrong decisions', 'Yes, with a risk to health, life or safety'],
  ['Is it an official register or record', 'No.'],
  ['Which information about people does it hold?', 'None.'],
  ['What harm would follow if its other (non-personal) information became public?', 'Some embarrassment'],
  ['Must the city be able to show later who did what', 'It would help to sort out mistakes.'],
];

async function registerViaApi(page: Page, base: string, name: string, kind: string): Promise<string> {
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const res = await page.request.post(`${base}/api/v1/systems`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { name, sector: 'transport', kind, hosting: 'on-premises' },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id;
}

/** A security officer classifies a system with the questionnaire, overrides a dimension and reads the history. */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('classification end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Narva', 'ciso@narva.example');
  });

  afterAll(async () => instance?.stop());

  it('classifies a system, refuses an override without a reason, and shows the result and history', async () => {
    const { base } = instance;
    const page = await instance.adminPage();
    const tls = await registerViaApi(page, base, 'Traffic signal control', 'ot-iot');
    const db = await registerViaApi(page, base, 'Signal timing database', 'database');
    const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
    const dep = await page.request.post(`${base}/api/v1/systems/${tls}/dependencies`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { dependsOnId: db },
    });
    expect(dep.status()).toBe(204);

    // The system page: not classified yet; "Classify" opens the questionnaire.
    await page.goto(`${base}/systems/${tls}`);
    await page.getByRole('heading', { level: 1, name: 'Traffic signal control' }).waitFor();
    await page.getByText('This system has not been classified under ISKE yet.').waitFor();
    await page.getByRole('link', { name: 'Classify', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Classify Traffic signal control' }).waitFor();

    for (const [question, answer] of ANSWERS) {
      await page.getByRole('group', { name: question }).getByLabel(answer).check();
    }
    await shot(page, 'form');
    await page.getByRole('button', { name: 'Save classification' }).click();

    // The result: levels, security level, why, and the system that inherits the need.
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    const result = page.locator('.classify-result');
    await expect(result.locator('.notation').textContent()).resolves.toBe('K3T3S1');
    await expect(result.getByText('High (H)').count()).resolves.toBe(1);
    await result.getByText('An outage endangers people or critical city services.').waitFor();
    await page.getByRole('link', { name: 'Signal timing database' }).waitFor();
    await page.getByText('Availability: Not rated → K3').waitFor();
    await shot(page, 'result');

    // Override confidentiality: refused without a reason, accepted with one.
    await page.getByRole('button', { name: 'Change the answers' }).click();
    await page.getByLabel('Confidentiality: level').selectOption({ label: 'S3' });
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByText('Write down why you override this level.').waitFor();
    await expect(page.getByLabel('Why is Confidentiality set to this level?').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.getByRole('heading', { name: 'Result' }).count()).resolves.toBe(0);
    await page.getByLabel('Why is Confidentiality set to this level?').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/cityshield-classification-refused.png' });
    await page.getByLabel('Why is Confidentiality set to this level?').fill('Holds the emergency-vehicle priority plans.');
    await page.getByLabel('Reason for this classification').fill('Reviewed with the traffic department');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    await expect(page.locator('.classify-result .notation').textContent()).resolves.toBe('K3T3S3');
    await page.getByText('Holds the emergency-vehicle priority plans.').waitFor();

    // Back on the system page: the current classification, its sources, the review date and the history.
    await page.getByRole('link', { name: 'Back to Traffic signal control' }).click();
    await page.getByRole('heading', { level: 1, name: 'Traffic signal control' }).waitFor();
    const section = page.locator('section.classification');
    await expect(section.locator('dd.notation').textContent()).resolves.toBe('K3T3S3');
    await section.getByRole('link', { name: 'Reclassify' }).waitFor();
    await expect(section.getByRole('cell', { name: 'Own classification' }).count()).resolves.toBe(3);
    await section.getByText('History (2 classifications)').click();
    await section.getByText('Reviewed with the traffic department').waitFor();
    await section.getByText('Override of Confidentiality to S3: Holds the emergency-vehicle priority plans.').waitFor();
    await expect(section.locator('.history-list .notation').allTextContents()).resolves.toEqual(['K3T3S3', 'K3T3S1']);
    await shot(page, 'system');

    // The database inherits from the controller and is named as the source.
    await page.goto(`${base}/systems/${db}`);
    const dbSection = page.locator('section.classification');
    await dbSection.getByRole('link', { name: 'Traffic signal control' }).first().waitFor();
    await expect(dbSection.getByText('Inherited from').count()).resolves.toBe(3);
    await shot(page, 'inherited');

    // The worklist names the database, never classified itself; the controller is not due.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reclassification' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reclassification due' }).waitFor();
    await page.getByRole('rowheader', { name: 'Signal timing database' }).waitFor();
    await expect(page.getByRole('rowheader', { name: 'Traffic signal control' }).count()).resolves.toBe(0);
    await shot(page, 'due');

    // Changing the method (with a confirmation) puts every system on the worklist.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
    await page.getByRole('heading', { name: 'Classification method' }).waitFor();
    await page.getByRole('radio', { name: /BSI IT-Grundschutz/ }).check();
    await shot(page, 'method');
    await page.getByRole('button', { name: 'Change method' }).click();
    await page.getByRole('button', { name: 'Switch to BSI IT-Grundschutz (Standard 200-2)' }).click();
    await page.getByText('The organisation now classifies with BSI IT-Grundschutz (Standard 200-2).').waitFor();
    await page.goto(`${base}/classification/due?status=unclassified`);
    await page.getByRole('rowheader', { name: 'Traffic signal control' }).waitFor();
    await page.getByText('2 systems').waitFor();
  });
});
