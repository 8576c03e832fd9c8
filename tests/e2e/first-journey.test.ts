// The first user journey, as a new user would do it: create a project, add a stakeholder group, an input
// and an outcome, and read the SROI ratio. Then reload and find everything still there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();

describe.skipIf(skip !== null)(`first journey in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  /** Type into a labelled field and leave it, which saves it. */
  async function fill(label: string, value: string, within = page.locator('main')) {
    const field = within.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
  }

  it('creates a project, adds a stakeholder, an input and an outcome, and shows the ratio', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Your projects' }).isVisible()).toBe(true);
    await screenshot(page, 'journey-01-home-empty');

    await page.getByLabel('Project name').fill('Street outreach and naloxone');
    await page.getByLabel('Organisation').fill('Harm-reduction foundation');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: /Stakeholders/ }).click();
    await page.getByLabel('New stakeholder group').fill('People who use drugs');
    await page.getByRole('button', { name: 'Add group' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'People who use drugs' }).isVisible()).toBe(true);
    await fill('Number in the group', '400', page.getByRole('article', { name: 'People who use drugs' }));

    await page.getByRole('link', { name: /Inputs and budget/ }).click();
    // The cost lines are a grid: "Add a line" starts typing a new line's description; Tab saves the cell and
    // moves along the row (Contributed by, Kind, Category, Funder, Year, Amount).
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.keyboard.type('Municipal grant');
    await page.keyboard.press('Tab');
    const costLines = page.getByRole('grid', { name: 'Cost lines' });
    await expect.poll(() => costLines.getByRole('rowheader', { name: 'Municipal grant' }).isVisible()).toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    await page.keyboard.type('80000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('80,000.00 EUR');
    await screenshot(page, 'journey-02-inputs');

    await page.getByRole('link', { name: /Impact map/ }).click();
    await page.getByLabel('New outcome').fill('Overdose deaths averted');
    await page.getByRole('button', { name: 'Add outcome' }).click();
    const outcome = page.getByRole('article', { name: 'Overdose deaths averted' });
    await expect.poll(() => outcome.isVisible()).toBe(true);
    await fill('Quantity', '3', outcome);
    await fill('Proxy value (per person)', '40000', outcome);
    await fill('Deadweight', '20', outcome);
    await fill('Attribution', '30', outcome);
    await expect.poll(() => outcome.getByText('Impact: 67,200.00 EUR').isVisible()).toBe(true);
    await screenshot(page, 'journey-03-impact-map');

    await page.getByRole('link', { name: /Results/ }).click();
    // PV = 3 x 40,000 x 0.8 x 0.7 / 1.035 = 64,927.54; ratio = 64,927.54 / 80,000 = 0.81.
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('0.81 : 1');
    expect(await page.getByTestId('figure-pv').textContent()).toBe('64,927.54 EUR');
    await screenshot(page, 'journey-04-results');
  });

  it('keeps everything after a reload (each field was saved when it was left)', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('0.81 : 1');
    await page.getByRole('link', { name: /Impact map/ }).click();
    const outcome = page.getByRole('article', { name: 'Overdose deaths averted' });
    expect(await outcome.getByLabel('Deadweight', { exact: true }).inputValue()).toBe('20');
  });

  it('shows a bad entry in place with its reason and does not save it', async () => {
    const outcome = page.getByRole('article', { name: 'Overdose deaths averted' });
    await fill('Deadweight', '120', outcome);
    await expect.poll(() => outcome.getByRole('alert').textContent()).toContain('Deadweight must be at most 100');
    await screenshot(page, 'journey-05-bad-entry');
    await page.reload();
    await expect.poll(() => outcome.getByLabel('Deadweight', { exact: true }).inputValue()).toBe('20');
  });
});
