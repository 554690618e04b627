import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH } from '../support/answers.js';
import { CHROMIUM } from './browser.js';
import { type E2eInstance, startE2eInstance } from './instance.js';

/** Screenshots to look at after a run; scrolled to the top first, so the fixed header stays there. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/cityshield-methods-upgrade-${name}.png`, fullPage: true });
}

/** The API as the logged-in page: cookie plus CSRF token. */
async function apiOf(page: Page, base: string) {
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken as string };
  return {
    async post(path: string, data: unknown, status = 201) {
      const res = await page.request.post(`${base}${path}`, { headers, data });
      expect(res.status(), await res.text()).toBe(status);
      return res.status() === 204 ? undefined : await res.json();
    },
    async put(path: string, data: unknown) {
      const res = await page.request.put(`${base}${path}`, { headers, data });
      expect(res.status(), await res.text()).toBe(200);
      return res.json();
    },
  };
}

type Control = { id: string; prose: string; withdrawn?: boolean };

/** A small catalog of the city's own, in two versions (as in catalog-upgrade.test.ts). */
function catalog(version: string, controls: Control[]) {
  return {
    catalog: {
      uuid: version === '1.0' ? '6f1d1c2e-0d5e-4c56-9a43-1e0c5f0e7b01' : '6f1d1c2e-0d5e-4c56-9a43-1e0c5f0e7b02',
      metadata: { title: 'City ICT rules', 'last-modified': '2026-11-01T00:00:00Z', version, 'oscal-version': '1.1.2' },
      groups: [
        {
          id: 'ict',
          title: 'ICT rules',
          controls: controls.map((c) => ({
            id: c.id,
            title: `Rule ${c.id}`,
            ...(c.withdrawn ? { props: [{ name: 'status', value: 'withdrawn' }] } : {}),
            parts: [{ id: `${c.id}_smt`, name: 'statement', prose: c.prose }],
          })),
        },
      ],
    },
  };
}

/** The count on the tile with this label, within `scope`. */
async function tile(scope: ReturnType<Page['locator']>, label: string): Promise<string | null> {
  return scope
    .locator('.upgrade-tile', { has: scope.page().locator('.upgrade-tile__label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.upgrade-tile__count')
    .textContent();
}

/**
 * A security officer moves the organisation's requirement records to a new catalog version, records
 * a justified deviation, and defines an own classification method in the editor, switches to it and
 * classifies a system with it (no questionnaire: each level set with a reason).
 */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('own methods, deviations and catalog upgrades end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Pärnu', 'ciso@parnu.example');
  });

  afterAll(async () => instance?.stop());

  it('shows a pending upgrade, its plan and impact, applies it and shows the result', async () => {
    const { base } = instance;
    const page = await instance.adminPage();
    const api = await apiOf(page, base);
    const v1 = (
      await api.post(
        '/api/v1/catalogs/import?source=ict-1.json',
        catalog('1.0', [
          { id: 'r-1', prose: 'Keep an inventory.' },
          { id: 'r-2', prose: 'Back up weekly.' },
          { id: 'r-3', prose: 'Use fax for secrets.' },
          { id: 'r-4', prose: 'Rotate passwords monthly.' },
        ]),
      )
    ).version.id as string;
    await api.put('/api/v1/baselines/mapping', { levels: { L: v1, M: v1, H: v1 }, narrowByKind: true });
    const sys = await api.post('/api/v1/systems', { name: 'Library loans', sector: 'education', kind: 'application', hosting: 'cloud' });
    await api.post(`/api/v1/systems/${sys.id}/classification`, { answers: HIGH });
    const v2 = (
      await api.post(
        '/api/v1/catalogs/import?source=ict-2.json',
        catalog('2.0', [
          { id: 'r-1', prose: 'Keep an inventory.' },
          { id: 'r-2', prose: 'Back up daily and test restores.' },
          { id: 'r-4', prose: 'Rotate passwords monthly.', withdrawn: true },
          { id: 'r-5', prose: 'Use MFA.' },
        ]),
      )
    ).version.id as string;

    // The library names the pending upgrade and links to its plan.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogs' }).click();
    const notice = page.getByRole('region', { name: 'A newer catalog version is available' });
    await notice.getByText('City ICT rules 1.0 → 2.0').waitFor();
    await notice.getByText('(1 system)').waitFor();
    await shot(page, 'catalogs');
    await notice.getByRole('link', { name: 'See the upgrade plan for City ICT rules' }).click();

    // The plan: the impact on the records, then the diff.
    await page.getByRole('heading', { level: 1, name: 'Upgrade City ICT rules from 1.0 to 2.0' }).waitFor();
    expect(page.url()).toBe(`${base}/catalog-versions/${v2}/upgrade?from=${v1}`);
    const impact = page.getByRole('region', { name: 'Impact on your requirement records' });
    await impact.getByText('4 requirement records of 1 system use version 1.0:').waitFor();
    await expect(tile(impact, 'Systems')).resolves.toBe('1');
    await expect(tile(impact, 'Kept')).resolves.toBe('1');
    await expect(tile(impact, 'To review')).resolves.toBe('1');
    await expect(tile(impact, 'Retired')).resolves.toBe('2');
    await expect(tile(impact, 'New controls')).resolves.toBe('1');
    await impact.getByText('Retired: 2 (50 %)').waitFor();
    const diff = page.getByRole('region', { name: 'What changed in the catalog' });
    await diff.getByText('Changed controls (2)').click();
    await diff.getByRole('link', { name: /r-2/ }).waitFor();
    await diff.getByRole('listitem').filter({ hasText: 'r-2' }).getByText('Statement').waitFor();
    await shot(page, 'plan');

    // Applying asks first; cancelling changes nothing.
    await page.getByRole('button', { name: 'Apply upgrade' }).click();
    const dialog = page.getByRole('dialog', { name: 'Upgrade to City ICT rules 2.0?' });
    await dialog.getByText('1 to review, 2 retired').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Apply upgrade' }).click();
    await dialog.getByRole('button', { name: 'Apply upgrade' }).click();

    // The result.
    const result = page.getByRole('region', { name: 'Upgrade applied' });
    await result.getByText('Your requirement records now use City ICT rules 2.0 instead of 1.0.').waitFor();
    await expect(tile(result, 'Flagged for review')).resolves.toBe('1');
    await expect(tile(result, 'Added')).resolves.toBe('1');
    await expect(tile(result, 'Retired')).resolves.toBe('2');
    await expect(tile(result, 'Kept')).resolves.toBe('1');
    await expect(page.getByRole('button', { name: 'Apply upgrade' }).count()).resolves.toBe(0);
    await shot(page, 'applied');

    // Nothing is pending any more.
    await result.getByRole('link', { name: 'Back to the catalog library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catalogs' }).waitFor();
    await page.getByRole('link', { name: 'City ICT rules', exact: true }).waitFor();
    await expect(page.getByText('A newer catalog version is available').count()).resolves.toBe(0);
  });

  it('records a distribution with a justification and shows the recomputed levels', async () => {
    const { base } = instance;
    const page = await instance.adminPage();
    const api = await apiOf(page, base);
    const app = await api.post('/api/v1/systems', { name: 'Ambulance dispatch', sector: 'health', kind: 'application', hosting: 'cloud' });
    const server = await api.post('/api/v1/systems', {
      name: 'Dispatch server cluster',
      sector: 'health',
      kind: 'network',
      hosting: 'on-premises',
    });
    await api.post(`/api/v1/systems/${app.id}/dependencies`, { dependsOnId: server.id }, 204);
    await api.post(`/api/v1/systems/${app.id}/classification`, { answers: HIGH });

    await page.goto(`${base}/systems/${server.id}`);
    const section = page.getByRole('region', { name: 'Deviations from the maximum principle' });
    await section.getByText('No deviation recorded').waitFor();
    await section.getByLabel('Dimension').selectOption({ label: 'Availability' });
    await section.getByLabel(/^Distribution/).check();
    // The justification is required.
    await section.getByRole('button', { name: 'Record deviation' }).click();
    await section.getByText('Write down why the deviation is justified.').waitFor();
    await expect(section.getByLabel('Justification').getAttribute('aria-invalid')).resolves.toBe('true');
    await section.getByLabel('Justification').fill('Two redundant servers in separate rooms; one failing does not stop dispatch.');
    await section.getByRole('button', { name: 'Record deviation' }).click();
    await section.getByText('Distribution recorded for Availability.').waitFor();
    await section.getByText('The effective level of 1 system changed:').waitFor();
    await section.getByRole('link', { name: 'Dispatch server cluster' }).waitFor();
    await section.getByText('Two redundant servers in separate rooms').waitFor();
    // The classification view is refreshed: availability now comes from the distribution.
    const classification = page.locator('section.classification');
    await classification.getByRole('cell', { name: 'Lowered one step by distribution (redundancy)' }).waitFor();
    await shot(page, 'deviation');

    // Removing it (with a confirmation) restores the plain maximum.
    await section.getByRole('button', { name: 'Remove deviation for Availability' }).click();
    await page.getByRole('dialog', { name: 'Remove this deviation?' }).getByRole('button', { name: 'Remove deviation' }).click();
    await section.getByText('The deviation for Availability has been removed.').waitFor();
    await section.getByText('No deviation recorded').waitFor();
    await expect(classification.getByRole('cell', { name: 'Lowered one step by distribution (redundancy)' }).count()).resolves.toBe(0);
  });

  it('defines an own method in the editor, switches to it and classifies a system with it', async () => {
    const { base } = instance;
    const page = await instance.adminPage();
    const api = await apiOf(page, base);
    const sys = await api.post('/api/v1/systems', { name: 'Home care register', sector: 'health', kind: 'database', hosting: 'cloud' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click();
    const own = page.getByRole('region', { name: 'Methods defined by your organisation' });
    await own.getByText('No own methods yet.').waitFor();
    await own.getByRole('link', { name: 'New method', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'New classification method' }).waitFor();

    await page.getByLabel('Name of the method').fill('City traffic light');
    await expect(page.getByLabel('Key', { exact: true }).first().inputValue()).resolves.toBe('city-traffic-light');
    await page.getByLabel('Description', { exact: true }).first().fill('Privacy and continuity rated green, amber or red.');
    const dims = page.getByRole('region', { name: 'Dimensions' });
    const first = dims.getByRole('group', { name: /^Dimension 1/ });
    await first.getByLabel('Name', { exact: true }).fill('Privacy');
    await first.getByLabel('Short name').fill('P');
    const levelNames = ['Green', 'Amber', 'Red'];
    for (const [i, name] of levelNames.entries()) await first.getByLabel('Level name').nth(i).fill(name);
    await dims.getByRole('button', { name: 'Add a dimension' }).click();
    const second = dims.getByRole('group', { name: /^Dimension 2/ });
    await second.getByLabel('Name', { exact: true }).fill('Continuity');
    await second.getByLabel('Short name').fill('C');
    // Leave one level name out: refused before the round trip, shown at the field and in the summary.
    for (const [i, name] of ['Green', 'Amber'].entries()) await second.getByLabel('Level name').nth(i).fill(name);
    const levels = page.getByRole('region', { name: 'Security levels' });
    for (const [i, name] of ['Basic', 'Elevated', 'Critical'].entries()) await levels.getByLabel('Security level name').nth(i).fill(name);
    await page.getByRole('button', { name: 'Create method' }).click();
    await page.getByText('Dimension 2 (Continuity) › Level 3 (?) › Name: This field is required.').waitFor();
    await expect(second.getByLabel('Level name').nth(2).getAttribute('aria-invalid')).resolves.toBe('true');
    await second.getByLabel('Level name').nth(2).fill('Red');
    // The mapping from the highest rank to the security level: one select per rank.
    const table = page.getByRole('region', { name: 'From the highest rank to the security level' });
    await expect(table.getByLabel('Security level for rank 2').locator('option:checked').textContent()).resolves.toBe('Critical');
    await table.getByLabel('Security level for rank 1').selectOption({ label: 'Elevated' });
    await shot(page, 'editor');
    await page.getByRole('button', { name: 'Create method' }).click();

    await page.getByRole('heading', { level: 1, name: 'Edit City traffic light' }).waitFor();
    await page.getByText('City traffic light has been saved.').waitFor();
    expect(page.url()).toBe(`${base}/classification/methods/city-traffic-light`);

    // Switch the organisation to it.
    await page.getByRole('link', { name: 'Organisation', exact: true }).first().click();
    await own.getByRole('link', { name: 'Edit City traffic light' }).waitFor();
    await page.getByLabel(/^City traffic light/).check();
    await page.getByRole('button', { name: 'Change method' }).click();
    await page.getByRole('button', { name: 'Switch to City traffic light' }).click();
    await page.getByText('The organisation now classifies with City traffic light.').waitFor();
    // In use now: not deletable, and the editor explains why it is read-only.
    await own.getByText('In use', { exact: true }).waitFor();
    await expect(own.getByRole('button', { name: 'Delete City traffic light' }).isDisabled()).resolves.toBe(true);
    await shot(page, 'organisation');
    await own.getByRole('link', { name: 'View City traffic light' }).click();
    await page.getByText('is the method your organisation classifies with, so it can be neither changed nor deleted').waitFor();
    await expect(page.getByLabel('Name of the method').isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Save changes' }).count()).resolves.toBe(0);

    // Classify with it: no questionnaire, so each dimension is set with a reason.
    await page.goto(`${base}/systems/${sys.id}`);
    await page.getByText('This system has not been classified under City traffic light yet.').waitFor();
    await page.locator('section.classification').getByRole('link', { name: 'Classify', exact: true }).click();
    await page.getByText('City traffic light has no questionnaire: set the level of each dimension and write down why.').waitFor();
    await page.getByLabel('Privacy: level').selectOption({ label: 'Red' });
    await page.getByLabel('Continuity: level').selectOption({ label: 'Amber' });
    await page.getByLabel('Why is Privacy at this level?').fill('Holds health data of home-care clients.');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByText('Write down why this dimension has this level.').waitFor();
    await page.getByLabel('Why is Continuity at this level?').fill('Carers need it every day.');
    await shot(page, 'classify');
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    const result = page.locator('.classify-result');
    await expect(result.locator('.notation').textContent()).resolves.toBe('P2C1');
    await result.getByText('Critical').waitFor();
    await result.getByText('Holds health data of home-care clients.').waitFor();
    await expect(result.getByText('the questionnaire gave').count()).resolves.toBe(0);
    await shot(page, 'classified');
  });
});
