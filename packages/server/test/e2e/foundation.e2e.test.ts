import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/processes.js';
import { mailText, startSmtp } from '../support/smtp.js';
import { CHROMIUM, launchChromium } from './browser.js';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI !== 'true')
  console.warn(`[skip] end-to-end tests: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

const ADMIN = { org: 'City of Tartu', name: 'Ada Admin', email: 'ciso@tartu.example', password: 'granite orchard whistle 42' };
const AUDITOR = { name: 'Uno Auditor', email: 'auditor@tartu.example', password: 'copper meadow falcon 7' };

async function logIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out' }).waitFor();
}

/** The foundation as a city administrator meets it: real server, real SMTP, real Chromium. */
describe.skipIf(!hasChromium && process.env.CI !== 'true')('foundation end to end', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: ServerProcess;
  let browser: Browser;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    smtp = await startSmtp();
    dir = mkdtempSync(join(tmpdir(), 'cityshield-e2e-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = await startServerProcess({ DATA_DIR: dir, PORT: String(port), SMTP_URL: smtp.url, BASE_URL: base, JOB_POLL_MS: '100' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets up, invites by e-mail, enforces the role and ends the invitee's sessions", async () => {
    const setupLink = server.output().match(/http:\/\/\S+\/setup\?token=[\w-]+/)?.[0];
    expect(setupLink).toBeDefined();

    const adminCtx = await browser.newContext();
    const admin = await adminCtx.newPage();
    await admin.goto(setupLink ?? '');
    await admin.getByLabel('Organisation name').fill(ADMIN.org);
    await admin.getByLabel('Your name').fill(ADMIN.name);
    await admin.getByLabel('Email').fill(ADMIN.email);
    await admin.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await admin.getByLabel('Confirm password').fill(ADMIN.password);
    await admin.screenshot({ path: join(SHOTS, '01-setup.png') });
    await admin.getByRole('button', { name: 'Create organisation' }).click();
    await admin.getByRole('button', { name: 'Log out' }).waitFor();
    await expect(admin.getByText(ADMIN.org).first().isVisible()).resolves.toBe(true);

    await admin.getByRole('button', { name: 'Log out' }).click();
    await admin.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn(admin, base, ADMIN.email, ADMIN.password);
    await admin.screenshot({ path: join(SHOTS, '02-dashboard.png') });

    await admin.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('tab', { name: 'Invitations' }).click();
    await admin.getByLabel('Email').fill(AUDITOR.email);
    await admin.getByLabel('Role').selectOption('auditor');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByRole('cell', { name: AUDITOR.email }).waitFor();
    await admin.screenshot({ path: join(SHOTS, '03-invitations.png') });

    const deadline = Date.now() + 20_000;
    while (!smtp.mails.some((m) => m.to.includes(AUDITOR.email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const mail = smtp.mails.find((m) => m.to.includes(AUDITOR.email));
    const inviteLink = mailText(mail?.raw ?? '').match(/http:\/\/\S+\/invite\/accept\?token=[\w-]+/)?.[0];
    expect(inviteLink).toBeDefined();

    const userCtx = await browser.newContext();
    const user = await userCtx.newPage();
    await user.goto(inviteLink ?? '');
    await user.getByText(ADMIN.org).first().waitFor();
    await user.getByLabel('Your name').fill(AUDITOR.name);
    await user.getByLabel('Password', { exact: true }).fill(AUDITOR.password);
    await user.getByLabel('Confirm password').fill(AUDITOR.password);
    await user.getByRole('button', { name: 'Accept invitation' }).click();
    await user.getByRole('button', { name: 'Log out' }).waitFor();
    await user.getByRole('button', { name: 'Log out' }).click();
    await logIn(user, base, AUDITOR.email, AUDITOR.password);
    await expect(user.getByText('Auditor').first().isVisible()).resolves.toBe(true);
    const nav = user.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Audit log' }).count()).resolves.toBe(1);
    await expect(nav.getByRole('link', { name: 'Background jobs' }).count()).resolves.toBe(0);
    await user.screenshot({ path: join(SHOTS, '04-auditor-dashboard.png') });

    await user.goto(`${base}/jobs`);
    await user.getByRole('heading', { name: 'Access denied' }).waitFor();
    await user.screenshot({ path: join(SHOTS, '05-access-denied.png') });

    await admin.goto(`${base}/users`);
    const row = admin.getByRole('row').filter({ hasText: AUDITOR.email });
    await row.getByRole('button', { name: 'End sessions' }).click();
    await admin.getByText(AUDITOR.name).first().waitFor();
    await new Promise((r) => setTimeout(r, 300));

    await user.goto(`${base}/audit`);
    await user.getByRole('button', { name: 'Log in' }).waitFor();
    expect(new URL(user.url()).pathname).toBe('/login');
    await user.screenshot({ path: join(SHOTS, '06-ended.png') });
  });
});
