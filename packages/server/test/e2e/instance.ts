import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { runCli, startServerProcess } from '../support/processes.js';
import { launchChromium } from './browser.js';

export const SHOTS = join(process.cwd(), 'test-results', 'e2e');
export const ADMIN_PASSWORD = 'granite orchard whistle 42';

export interface E2eInstance {
  base: string;
  browser: Browser;
  /** A new 1280×900 page logged in as the administrator. */
  adminPage(): Promise<Page>;
  stop(): Promise<void>;
}

/** A real server on a fresh SQLite database with one administrator (made by the CLI), and Chromium. */
export async function startE2eInstance(org: string, email: string): Promise<E2eInstance> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'cityshield-e2e-'));
  const created = await runCli(['admin', 'create', '--org', org, '--email', email, '--password-stdin'], { DATA_DIR: dir }, ADMIN_PASSWORD);
  if (created.code !== 0) throw new Error(`admin create failed: ${created.out}`);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const base = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({ DATA_DIR: dir, PORT: String(port), BASE_URL: base });
  const browser = await launchChromium();
  return {
    base,
    browser,
    async adminPage() {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(`${base}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('button', { name: 'Log out' }).waitFor();
      return page;
    },
    async stop() {
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
