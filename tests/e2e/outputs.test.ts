// Outputs in browser mode, as NGO staff would do it: an output "Clients on methadone", the Rome street unit's
// 2012 figures imported from CSV through the interface (month -> period, total -> count, the four columns ->
// nationality x gender), 12 months and the yearly total 7,994 on screen; then a malformed file, whose problem
// is shown with its line number while nothing is imported.
import { repoRoot } from '../support/repo-root';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const METHADONE = join(repoRoot(), 'docs', 'examples', 'data', 'street-unit-methadone-clients-2012.csv');
const FILE_NAME = 'street-unit-methadone-clients-2012.csv';

describe.skipIf(skip !== null)(`outputs in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let projectId: string;
  let scratch: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser);
    scratch = mkdtempSync(join(tmpdir(), 'sroi-outputs-e2e-'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
    if (scratch) removeDir(scratch);
  });

  const card = () => page.getByRole('article', { name: 'Clients on methadone' });
  const recordsTable = () => card().getByRole('table', { name: 'Counts by month: Clients on methadone' });

  async function openOutputs() {
    await page.goto(`${new URL(app.url).origin}/#/projects/${projectId}/outputs`);
    await page
      .getByRole('heading', { name: 'Outputs', level: 1 })
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error('#/projects/ID/outputs shows no Outputs screen: is OutputsScreen wired into the router?');
      });
  }

  async function chooseCsv(path: string) {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 10_000 }),
      card()
        .getByRole('button', { name: /Import from CSV|Choose another file/ })
        .first()
        .click({ timeout: 10_000 }),
    ]);
    await chooser.setFiles(path);
  }

  it('imports the 2012 methadone clients by nationality and gender and shows 12 months and 7,994', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Your projects' }).isVisible()).toBe(true);
    await page.getByLabel('Project name').fill('Harm reduction, Rome 2012');
    await page.getByLabel('Organisation').fill('Harm-reduction foundation');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope' }).isVisible()).toBe(true);
    projectId = /#\/projects\/([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
    expect(projectId).not.toBe('');

    await page.getByRole('link', { name: /Stakeholders/ }).click();
    await page.getByLabel('New stakeholder group').fill('People who use drugs');
    await page.getByRole('button', { name: 'Add group' }).click();
    await expect.poll(() => page.getByRole('article', { name: 'People who use drugs' }).isVisible()).toBe(true);

    await openOutputs();
    await page.getByLabel('New output').fill('Clients on methadone');
    await page.getByRole('button', { name: 'Add output' }).click();
    await expect.poll(() => card().isVisible()).toBe(true);
    const unit = card().getByLabel('Unit', { exact: true });
    await unit.fill('people');
    await unit.blur();
    await card().getByLabel('Stakeholder group').selectOption({ label: 'People who use drugs' });
    await expect
      .poll(() =>
        card()
          .getByText(/No counts yet/)
          .isVisible(),
      )
      .toBe(true);
    await screenshot(page, 'outputs-01-new-output');

    await chooseCsv(METHADONE);
    const panel = card().getByRole('region', { name: `Import ${FILE_NAME} into "Clients on methadone"` });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByText('12 rows after the header line, 6 columns, separated by commas.').isVisible()).toBe(
      true,
    );
    expect(await panel.getByRole('table', { name: 'Preview of the file' }).locator('tbody tr').count()).toBe(5);

    // The mapping: the guesses are right; set them as a user would confirm them.
    await panel.getByLabel('Column with the month').selectOption('month');
    await panel.getByLabel('Column with the count').selectOption('total');
    const columns: Array<[string, string]> = [
      ['italian_men', 'nationality=Italian, gender=men'],
      ['italian_women', 'nationality=Italian, gender=women'],
      ['foreign_men', 'nationality=Foreign, gender=men'],
      ['foreign_women', 'nationality=Foreign, gender=women'],
    ];
    for (const [column, categories] of columns) {
      expect(await panel.getByLabel(`Use of the column ${column}`).inputValue()).toBe('breakdown');
      const field = panel.getByLabel(`Categories of the column ${column}`);
      expect(await field.inputValue()).toBe(categories);
      await field.fill(categories);
    }
    await screenshot(page, 'outputs-02-import-mapping');

    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => card().getByRole('status').textContent())
      .toBe(`Imported 12 records from ${FILE_NAME} (12 rows read).`);
    expect(await recordsTable().locator('tbody tr').count()).toBe(12);
    expect(await recordsTable().getByRole('rowheader', { name: 'Jan 2012' }).isVisible()).toBe(true);
    expect(await recordsTable().getByRole('columnheader', { name: 'Italian' }).getAttribute('colspan')).toBe('2');
    expect(await page.getByTestId('records-grand-total').textContent()).toBe('7,994');
    expect(await page.getByTestId('year-total-2012').textContent()).toBe('7,994');
    expect(await page.getByTestId('column-total-Italian · women').textContent()).toBe('1,190');
    expect(await page.getByTestId('category-total-gender-women').textContent()).toBe('women: 1,376');
    await screenshot(page, 'outputs-03-imported');
  });

  it('keeps the records after a reload', async () => {
    await page.reload();
    await expect.poll(() => recordsTable().isVisible()).toBe(true);
    expect(await recordsTable().locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('year-total-2012').textContent()).toBe('7,994');
  });

  it('shows the line of a malformed CSV and imports nothing', async () => {
    // "abc" as the total of April 2012: line 5 of the file (the header is line 1).
    const lines = readFileSync(METHADONE, 'utf8').split('\n');
    lines[4] = lines[4].replace(/,700$/, ',abc');
    expect(lines[4]).toBe('2012-04,399,100,183,18,abc');
    const malformed = join(scratch, 'methadone-malformed.csv');
    writeFileSync(malformed, lines.join('\n'));

    await chooseCsv(malformed);
    const panel = card().getByRole('region', { name: 'Import methadone-malformed.csv into "Clients on methadone"' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByLabel('Replace the 12 records already there').isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Import', exact: true }).click();

    const alert = panel.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('line 5, column "total"');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('"abc" is not a number');
    expect(text).toContain('1 row has problems; nothing was imported.');
    expect(text).toContain('The counts of this output are as they were');
    await screenshot(page, 'outputs-04-malformed');

    // The earlier records are untouched, on screen and after a reload.
    await panel.getByRole('button', { name: 'Cancel' }).click();
    expect(await recordsTable().locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('year-total-2012').textContent()).toBe('7,994');
    await page.reload();
    await expect.poll(() => recordsTable().isVisible()).toBe(true);
    expect(await page.getByTestId('year-total-2012').textContent()).toBe('7,994');
  });

  it('edits a month in the grid in place, with the totals following', async () => {
    await openOutputs();
    await card().getByRole('button', { name: 'Edit the counts' }).click();
    const grid = card().getByRole('table', { name: 'Edit the counts of Clients on methadone' });
    await grid.getByLabel('Row 12, Foreign · women').fill('15');
    await grid.getByLabel('Row 12, Total').fill('');
    await screenshot(page, 'outputs-05-editing');
    await card().getByRole('button', { name: 'Save the counts' }).click();
    await expect.poll(() => card().getByRole('status').textContent()).toBe('Saved 12 records.');
    expect(await page.getByTestId('year-total-2012').textContent()).toBe('7,995');
  });
});
