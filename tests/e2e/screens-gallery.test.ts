// One clean screenshot of every screen, with the W2 project of METHOD.md (docs/examples) as the data: the
// projects home (empty, then with W2), the six stages (W2 with the 2012 methadone clients of docs/examples/data
// as an output, and a story on an outcome), the charts, the Backups, Method and About dialogs, the screen for a
// project that does not exist and the locked screen for data from a newer version. 1280 x 860 viewport, full
// page, no focus ring, scrolled to the top, into test-results/screenshots/gallery-*.png. These are reviewed by
// eye and the best are copied into docs/screenshots for docs/screens.md.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo-root';
import { e2eUnavailable, launchBrowser, newPage, removeDir, SCREENSHOTS, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const W2 = join(repoRoot(), 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_NAME = 'Street outreach and naloxone (METHOD.md W2)';
const W2_ID = 'w2-street-outreach';
const METHADONE = join(repoRoot(), 'docs', 'examples', 'data', 'street-unit-methadone-clients-2012.csv');

/**
 * A screen as it looks when the user has just arrived: nothing focused or hovered, scrolled to the top, the
 * whole page. A modal dialog is taken as the window shows it (its backdrop covers the window, not the page).
 */
async function shoot(page: Page, name: string, options: { dialog?: boolean } = {}): Promise<string> {
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    document.querySelectorAll('.data-grid-frame').forEach((frame) => (frame.scrollLeft = 0));
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `gallery-${name}.png`);
  await page.screenshot({ path, fullPage: !options.dialog, animations: 'disabled', caret: 'hide' });
  return path;
}

/** The top of a long screen, down to the end of `last` and of the side navigation. */
async function shootTop(page: Page, name: string, last: Locator): Promise<string> {
  await shoot(page, name); // blur, scroll to the top, wait for paint
  let bottom = 0;
  for (const part of [last, page.locator('.side-nav .nav-ratio')]) {
    const box = await part.boundingBox();
    if (box) bottom = Math.max(bottom, box.y + box.height);
  }
  if (bottom === 0) throw new Error(`${name}: nothing to end the picture at`);
  const path = join(SCREENSHOTS, `gallery-${name}.png`);
  const clip = { x: 0, y: 0, width: 1280, height: Math.ceil(bottom + 24) };
  await page.screenshot({ path, fullPage: true, clip, animations: 'disabled' });
  return path;
}

describe.skipIf(skip !== null)(`screens gallery${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  const nav = () => page.getByRole('navigation', { name: 'Stages of the analysis' });
  async function open(stage: string, heading: string) {
    await nav()
      .getByRole('link', { name: new RegExp(stage) })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible()).toBe(true);
  }

  it('the projects home, empty and with the W2 project', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByText('No projects yet.').isVisible()).toBe(true);
    await shoot(page, 'home-empty');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    await expect.poll(() => page.getByRole('link', { name: W2_NAME }).isVisible()).toBe(true);
    // a second evaluation next to it, as on a real desk
    await page.getByLabel('Project name').fill('Drop-in centre and needle exchange 2025');
    await page.getByLabel('Organisation').fill('Example harm-reduction service');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    await page.goto(app.url);
    await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(2);
    await shoot(page, 'home');
  });

  it('the six stages of the W2 project', async () => {
    await page.getByRole('link', { name: W2_NAME }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    await shoot(page, 'scope');

    await open('Stakeholders', 'Stakeholders');
    await shoot(page, 'stakeholders');

    await open('Inputs and budget', 'Inputs and budget');
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('106,250.00 EUR');
    await shoot(page, 'inputs');

    await open('Outputs', 'Outputs');
    await shoot(page, 'outputs-empty');
    await page.getByLabel('New output').fill('Clients on methadone');
    await page.getByRole('button', { name: 'Add output' }).click();
    const output = page.getByRole('article', { name: 'Clients on methadone' });
    await expect.poll(() => output.isVisible()).toBe(true);
    const unit = output.getByLabel('Unit', { exact: true });
    await unit.fill('people');
    await unit.blur();
    await output.getByLabel('Stakeholder group').selectOption({ label: 'People who use drugs' });
    const notes = output.getByLabel('Notes', { exact: true });
    await notes.fill('Different clients a month on oral methadone at the out-patient clinic, Rome, 2012.');
    await notes.blur();
    const chooser = page.waitForEvent('filechooser');
    await output.getByRole('button', { name: /Import from CSV/ }).click();
    await (await chooser).setFiles(METHADONE);
    const panel = output.getByRole('region', { name: /^Import street-unit-methadone-clients-2012\.csv/ });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await shoot(page, 'outputs-import');
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('year-total-2012').textContent()).toBe('7,994');
    await shoot(page, 'outputs');

    await open('Impact map', 'Impact map');
    const outcome = page.getByRole('article', { name: 'Overdose deaths averted' });
    await outcome.getByRole('button', { name: 'Add a story' }).click();
    await outcome
      .getByLabel('The quote')
      .fill('The kit was in my bag. My friend is alive because the outreach team showed me how.');
    await outcome.getByLabel('Date (optional)').fill('2025-06-14');
    await outcome.getByLabel('The person agreed to this story being used in reports').check();
    await outcome.getByRole('button', { name: 'Add story', exact: true }).click();
    await expect.poll(() => outcome.getByRole('article', { name: 'Quote' }).isVisible()).toBe(true);
    await shoot(page, 'impact-map');
    await shootTop(page, 'impact-map-first-outcome', outcome);

    await open('Results', 'Results');
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    await expect.poll(() => page.getByRole('region', { name: 'Charts' }).getByRole('figure').count()).toBe(6);
    await shoot(page, 'results');
    await shootTop(page, 'results-headline', page.locator('.results-charts > .help'));
    // the charts on their own, as they sit on the page
    const charts = page.getByRole('region', { name: 'Charts' });
    await charts.scrollIntoViewIfNeeded();
    await charts.screenshot({ path: join(SCREENSHOTS, 'gallery-results-charts.png'), animations: 'disabled' });
  });

  it('any further stage of the side navigation', async () => {
    const hrefs = await nav()
      .locator('ol a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs.slice(6)) {
      await page.goto(`${new URL(app.url).origin}/${href}`);
      await expect.poll(() => page.locator('main h1').first().isVisible()).toBe(true);
      await shoot(page, `stage-${href.split('/').pop()}`);
    }
    await page.goto(`${new URL(app.url).origin}/#/projects/${W2_ID}/results`);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
  });

  it('the Backups, Method and About dialogs', async () => {
    const footer = page.locator('.app-footer');
    await footer.getByRole('button', { name: 'Backups' }).click();
    const backups = page.getByRole('dialog', { name: 'Backups' });
    await backups.getByRole('button', { name: 'Make a backup now' }).click();
    await expect.poll(() => backups.getByRole('button', { name: 'Restore' }).count()).toBeGreaterThan(0);
    await shoot(page, 'backups', { dialog: true });
    await backups.getByRole('button', { name: 'Close' }).click();

    await footer.getByRole('button', { name: 'How SROI Studio calculates' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'How SROI Studio calculates' }).isVisible()).toBe(true);
    await shoot(page, 'method', { dialog: true });
    await page.keyboard.press('Escape');

    await footer.getByRole('button', { name: 'About SROI Studio' }).click();
    const about = page.getByRole('dialog', { name: 'About SROI Studio' });
    await expect.poll(() => about.getByText('Version').isVisible()).toBe(true);
    await shoot(page, 'about', { dialog: true });
    await page.keyboard.press('Escape');
  });

  it('a project that does not exist', async () => {
    await page.goto(`${new URL(app.url).origin}/#/projects/no-such-project/scope`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'This project cannot be opened' }).isVisible())
      .toBe(true);
    await shoot(page, 'not-found');
    // the W2 project is untouched by all this
    await page.goto(`${new URL(app.url).origin}/#/projects/${W2_ID}/results`);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
  });
});

describe.skipIf(skip !== null)(`screens gallery, locked screen${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('data saved by a newer SROI Studio', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sroi-e2e-gallery-future-'));
    const db = new Database(join(dataDir, 'sroi-studio.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const app = await startApp({ dataDir });
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      await page.goto(app.url);
      await expect
        .poll(() => page.getByRole('heading', { name: 'This data was saved by a newer SROI Studio' }).isVisible())
        .toBe(true);
      await shoot(page, 'locked');
    } finally {
      await browser.close();
      await app.stop();
      removeDir(dataDir);
    }
  });
});
