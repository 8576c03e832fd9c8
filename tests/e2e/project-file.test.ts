// The project file in the interface: import the W2 example of METHOD.md, read its results (1.70 : 1,
// PV 180,737.35), export it again and get the same project back. Also the locked screen for a data file
// written by a newer SROI Studio.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const W2 = resolve(__dirname, '..', '..', 'docs', 'examples', 'w2-street-outreach.sroi.json');

describe.skipIf(skip !== null)(`project file in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  it('imports the W2 example and shows ratio 1.70 : 1 and PV 180,737.35', async () => {
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    await expect
      .poll(() => page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' }).isVisible())
      .toBe(true);
    await screenshot(page, 'project-file-01-imported');

    await page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' }).click();
    await page.getByRole('link', { name: /Results/ }).click();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    expect(await page.getByTestId('figure-pv').textContent()).toBe('180,737.35 EUR');
    expect(await page.getByTestId('figure-npv').textContent()).toBe('74,487.35 EUR');
    expect(await page.getByTestId('figure-payback-guide').textContent()).toBe('18.7 months');
    await page.getByRole('button', { name: /How was this obtained\? SROI ratio/ }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'SROI ratio' }).textContent())
      .toContain('PV / Investment');
    await screenshot(page, 'project-file-02-w2-results');
  });

  it('exports the project file, equal to the imported one apart from canonical decimals', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export project file' }).click();
    const file = await download;
    const path = join(app.dataDir, 'exported.sroi.json');
    await file.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    const original = JSON.parse(readFileSync(W2, 'utf8'));
    // "9.50" is stored canonically as "9.5"; everything else in W2 is already canonical.
    original.project.inputs[2].hourlyRate = '9.5';
    expect(exported.schemaVersion).toBe(2);
    expect(exported.project).toEqual(original.project);
  });

  it('refuses a project file with problems, lists every problem and imports nothing', async () => {
    const broken = JSON.parse(readFileSync(W2, 'utf8'));
    broken.project.id = 'broken-copy';
    broken.project.outcomes[0].deadweight = '1.5';
    broken.project.outcomes[1].quantity = '-3';
    const path = join(app.dataDir, 'broken.sroi.json');
    writeFileSync(path, JSON.stringify(broken));
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(path);
    const problems = page.getByRole('list', { name: 'Problems in the project file' });
    await expect.poll(() => problems.isVisible()).toBe(true);
    const text = await problems.textContent();
    expect(text).toContain('outcome 1 "Overdose deaths averted", deadweight');
    expect(text).toContain('outcome 2 "Retained in opioid agonist treatment", quantity');
    expect(await page.getByRole('link', { name: /METHOD.md W2/ }).count()).toBe(1);
    await screenshot(page, 'project-file-03-problems');
  });
});

describe.skipIf(skip !== null)(`a data file from a newer version${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('shows the locked screen, offers nothing destructive, and leaves the file untouched', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sroi-e2e-future-'));
    const dataFile = join(dataDir, 'sroi-studio.sqlite');
    const db = new Database(dataFile);
    db.exec("CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('from the future');");
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(dataFile);
    const app = await startApp({ dataDir });
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      await page.goto(app.url);
      await expect
        .poll(() => page.getByRole('heading', { name: 'This data was saved by a newer SROI Studio' }).isVisible())
        .toBe(true);
      expect(await page.getByRole('button').count()).toBe(0);
      await screenshot(page, 'future-schema');
    } finally {
      await browser.close();
      await app.stop();
    }
    expect(readFileSync(dataFile).equals(before)).toBe(true);
    removeDir(dataDir);
  });
});
