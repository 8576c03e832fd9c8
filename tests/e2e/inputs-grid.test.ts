// The Inputs and budget grid in browser mode, as finance staff would use it: the three W2 inputs of METHOD.md
// (municipal grant 80,000 cash; donated van 12,000 in kind; peer volunteers 1,500 h x 9.50) pasted from a
// spreadsheet as tab-separated text, the investment 106,250.00 EUR read below the grid, a cell edited from the
// keyboard, a block with a bad number refused as a whole with its problems shown, and everything still there
// after a reload. An accessibility scan (axe-core) checks the grid's ARIA.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const W2_INPUTS = [
  'Municipal grant\tMunicipality\tCash\tStaff\tCity council\t1\t80,000.00\t\t\tAnnual grant agreement',
  'Donated van\tParish of Santo André\tIn kind\tTransport\t\t1\t12,000.00\t\t\tMarket value of a used van',
  'Peer volunteers\tPeer volunteers\tVolunteer time\tVolunteering\t\t1\t\t1,500\t9.50\tMinimum wage',
].join('\r\n');

describe.skipIf(skip !== null)(`inputs grid in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  const grid = () => page.getByRole('grid', { name: 'Cost lines' });
  const cell = (line: number, field: string) => grid().locator(`tr[data-line="${line}"] [data-field="${field}"]`);
  const total = () => page.getByTestId('investment-total').textContent();

  /** What Ctrl+V does after copying cells in Excel: a paste event with tab-separated text at the focused cell. */
  async function pasteAtFocus(text: string) {
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, text);
  }

  it('pastes the three W2 inputs from a spreadsheet and shows the investment 106,250.00 EUR', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Your projects' }).isVisible()).toBe(true);
    await page.getByLabel('Project name').fill('Street outreach and naloxone');
    await page.getByLabel('Organisation').fill('Harm-reduction foundation');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: /Stakeholders/ }).click();
    for (const name of ['Municipality', 'Parish of Santo André', 'Peer volunteers']) {
      await page.getByLabel('New stakeholder group').fill(name);
      await page.getByRole('button', { name: 'Add group' }).click();
      await expect.poll(() => page.getByRole('article', { name }).isVisible()).toBe(true);
    }

    await page.getByRole('link', { name: /Inputs and budget/ }).click();
    await expect.poll(() => grid().isVisible()).toBe(true);
    await screenshot(page, 'inputs-grid-01-empty');

    await cell(1, 'description').click(); // the empty line at the bottom
    await pasteAtFocus(`${W2_INPUTS}\r\n`);
    await expect.poll(total).toBe('106,250.00 EUR');
    await expect.poll(() => cell(3, 'amount').textContent()).toContain('14,250.00');
    expect(await cell(2, 'kind').textContent()).toBe('In kind');
    expect(await cell(2, 'stakeholder').textContent()).toBe('Parish of Santo André');
    expect(await cell(3, 'hours').textContent()).toBe('1,500');
    expect(await cell(3, 'hourlyRate').textContent()).toBe('9.50');
    const byCategory = page.getByRole('table', { name: 'By category' });
    expect(await byCategory.getByRole('row', { name: /Transport/ }).textContent()).toBe('Transport12,000.00');
    await screenshot(page, 'inputs-grid-02-pasted');
    // On a wider screen every column shows without scrolling sideways.
    await page.setViewportSize({ width: 1680, height: 900 });
    await screenshot(page, 'inputs-grid-02-pasted-wide');
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  it('edits a cell from the keyboard: arrows to it, types, Enter saves', async () => {
    await cell(1, 'description').click();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight'); // to Amount
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('amount');
    await page.keyboard.type('85000');
    await expect.poll(() => grid().getByRole('textbox', { name: 'Amount, line 1' }).isVisible()).toBe(true);
    await screenshot(page, 'inputs-grid-03-editing');
    await page.keyboard.press('Enter');
    await expect.poll(total).toBe('111,250.00 EUR');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-line'))).toBe('2');

    // a bad entry stays in its cell with the reason, and is not saved
    await page.keyboard.type('12 thousand');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(2, 'amount').getAttribute('aria-invalid')).toBe('true');
    expect(await cell(2, 'amount').textContent()).toBe('12 thousandNot a number. Use “.” for decimals, e.g. 1,234.50.');
    await screenshot(page, 'inputs-grid-04-bad-entry');
    await cell(2, 'amount').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => cell(2, 'amount').textContent()).toBe('12,000.00');

    // put the grant back to 80,000
    await cell(1, 'amount').click();
    await page.keyboard.type('80000');
    await page.keyboard.press('Tab');
    await expect.poll(total).toBe('106,250.00 EUR');
  });

  it('refuses a pasted block with a bad number as a whole and shows each problem with its line and column', async () => {
    await cell(4, 'description').click();
    await pasteAtFocus(
      'Office rent\tMunicipality\tCash\tPremises\t\t1\t6,000.00\nPrinting\tMunicipality\tCash\tSupplies\t\t1\t1.200,00',
    );
    const problems = page.getByRole('alert').filter({ hasText: 'Nothing was pasted' });
    await expect.poll(() => problems.isVisible()).toBe(true);
    const row = problems.getByTestId('paste-problem');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('5 (new line)');
    expect(await row.textContent()).toContain('Amount');
    expect(await row.textContent()).toContain('1.200,00Not a number. Use “.” for decimals');
    expect(await total()).toBe('106,250.00 EUR');
    expect(await grid().getByRole('rowheader', { name: 'Office rent' }).count()).toBe(0);
    await screenshot(page, 'inputs-grid-05-paste-refused');
  });

  it('keeps the lines after a reload', async () => {
    await page.reload();
    await expect.poll(() => grid().isVisible()).toBe(true);
    await expect.poll(total).toBe('106,250.00 EUR');
    const names = await grid().getByRole('rowheader').allTextContents();
    expect(names.slice(0, 3)).toEqual(['Municipal grant', 'Donated van', 'Peer volunteers']);
    expect(await cell(1, 'funder').textContent()).toBe('City council');
    expect(await cell(3, 'notes').textContent()).toBe('Minimum wage');
  });

  it('takes a real Ctrl+V from the system clipboard at the selected cell', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await cell(2, 'funder').click();
    await page.evaluate(() => navigator.clipboard.writeText('Parish council\t1\t12,500.00\r\n'));
    await page.keyboard.press('Control+V');
    await expect.poll(total).toBe('106,750.00 EUR');
    expect(await cell(2, 'funder').textContent()).toBe('Parish council');
    // and Ctrl+C copies a cell the same way
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Parish council');
  });

  it('has no accessibility violations in the grid and the totals (axe-core)', async () => {
    // Evaluated through the debugging protocol: the app's Content Security Policy forbids injected scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const result = (await axe.run({ include: ['.inputs-screen'] }, { resultTypes: ['violations'] })) as {
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      return result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
  });
});
