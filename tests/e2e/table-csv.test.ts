// "Download CSV" beside the tables, in browser mode on the W2 example of METHOD.md: the cost lines of Inputs
// (W2's 80000 grant line, volunteer time as 1500 h × 9.5) and the value by stakeholder of Results, each
// downloaded as a user would and read back (UTF-8 with a byte-order mark, exact decimals). Screenshots of both
// screens with their buttons: test-results/screenshots/table-csv-*.png.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  e2eUnavailable,
  launchBrowser,
  newPage,
  removeDir,
  screenshot,
  SCREENSHOTS,
  startApp,
  type RunningApp,
} from './harness';

const skip = e2eUnavailable();
const W2 = resolve(__dirname, '..', '..', 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_FILE = 'street-outreach-and-naloxone-methodmd-w2';

describe.skipIf(skip !== null)(`CSV downloads of tables in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  /** Press a CSV button; the file's name and its text (without the byte-order mark, which is checked). */
  async function download(button: Locator): Promise<{ name: string; lines: string[] }> {
    const pending = page.waitForEvent('download');
    await button.click();
    const file = await pending;
    const path = join(app.dataDir, file.suggestedFilename());
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return { name: file.suggestedFilename(), lines: text.slice(1).trimEnd().split('\r\n') };
  }

  it('imports W2 and downloads its cost lines from Inputs', async () => {
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    const link = page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' });
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await page.getByRole('link', { name: /Inputs/ }).click();

    const button = page.getByRole('button', { name: 'Download CSV: Cost lines' });
    await expect.poll(() => button.isVisible()).toBe(true);
    await screenshot(page, 'table-csv-inputs');
    const { name, lines } = await download(button);
    expect(name).toBe(`${W2_FILE}-cost-lines.csv`);
    expect(lines).toEqual([
      'Description,Contributed by,Kind,Category,Funder,Year,Amount (EUR),Hours,Hourly rate (EUR),Notes',
      'Municipal grant,Municipality,Cash,Grant,Municipality,1,80000,,,',
      'Donated van,Local business,In kind,Vehicles,Local business,1,12000,,,',
      'Peer volunteer time,Peer volunteers,Volunteer time,Volunteer time,,1,14250,1500,9.5,',
    ]);
    await expect.poll(() => page.getByText(`Saved ${W2_FILE}-cost-lines.csv.`).isVisible()).toBe(true);

    const totals = await download(page.getByRole('button', { name: 'Download CSV: Totals' }));
    expect(totals.lines.at(-1)).toBe('Investment,,106250');
    await page
      .getByRole('region', { name: 'Cost lines' })
      .screenshot({ path: join(SCREENSHOTS, 'table-csv-cost-lines.png') });
  });

  it('downloads the value by stakeholder from Results', async () => {
    await page.getByRole('link', { name: /Results/ }).click();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    const region = page.getByRole('region', { name: 'Value by stakeholder' });
    const button = region.getByRole('button', { name: 'Download CSV: Value by stakeholder' });
    await expect.poll(() => button.isVisible()).toBe(true);
    // The figures of the chart of the same name have their own, differently named button.
    await page.getByRole('figure', { name: 'Value by stakeholder' }).getByText('Show the figures').click();
    await screenshot(page, 'table-csv-results');
    await region.screenshot({ path: join(SCREENSHOTS, 'table-csv-results-stakeholders.png') });
    await page
      .getByRole('figure', { name: 'Value by stakeholder' })
      .screenshot({ path: join(SCREENSHOTS, 'table-csv-chart-figures.png') });

    const { name, lines } = await download(button);
    expect(name).toBe(`${W2_FILE}-value-by-stakeholder.csv`);
    expect(lines).toEqual([
      'Stakeholder group,Present value,Share',
      'People who use drugs,176970.633564114491842366944,0.9791591738408495693181678913',
      'Local residents,3766.715675978435902821536091,0.02084082615915043068183210868',
    ]);

    const chart = await download(
      page.getByRole('button', { name: 'Download CSV: Value by stakeholder (chart figures)' }),
    );
    expect(chart.name).toBe(`${W2_FILE}-value-by-stakeholder-chart-figures.csv`);
    expect(chart.lines[1]).toBe('People who use drugs,176970.633564114491842366944,0.9791591738408495693181678913');

    const benchmarks = page.getByRole('region', { name: 'Published results for harm reduction' });
    await benchmarks.getByText('Context, not a target').click();
    const published = await download(
      benchmarks.getByRole('button', { name: 'Download CSV: Published results for harm reduction' }),
    );
    expect(published.lines[0]).toBe(
      'Intervention,Country,Kind of result,Published result,Perspective,Time horizon,Source,Link to the source,Evidence grade,Grade note',
    );
    await benchmarks.screenshot({ path: join(SCREENSHOTS, 'table-csv-benchmarks.png') });
  });
});
