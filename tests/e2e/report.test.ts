// The report screen in browser mode: W2 with stories imported, the report previewed with every section, the
// stories rules (consent, anonymity) on screen, sections and paper chosen, "Save as Word" downloaded and read
// back, "Save as PDF" opening the browser's print dialog, and what that prints: the report alone, on the chosen
// paper, with its page numbers. Screenshots kept in test-results/screenshots.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMISED_NAME, ANONYMISED_TEXT, NAMED_TEXT, richW2, SECRET_TEXT } from '../report/fixtures';
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
const PROJECT_ID = 'w2-street-outreach';

describe.skipIf(skip !== null)(`report screen in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  const report = () => page.getByTestId('report-document');
  const sectionHeadings = () =>
    report()
      .locator('section.report-section > h2')
      .evaluateAll((hs) => hs.map((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? ''));

  it('imports W2 with stories and opens the report of every section', { timeout: 180_000 }, async () => {
    const file = join(app.dataDir, 'w2-rich.sroi.json');
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, project: richW2() }));
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(file);
    await expect
      .poll(() => page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' }).isVisible())
      .toBe(true);

    await page.goto(`${new URL(app.url).origin}/#/projects/${PROJECT_ID}/report`);
    await page
      .getByRole('heading', { level: 1, name: 'Report' })
      .waitFor({ timeout: 30_000 })
      .catch(() => {
        throw new Error('#/projects/ID/report shows no Report screen: is ReportScreen wired into the router?');
      });
    await report().waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('report-headline').textContent(), { timeout: 60_000 })
      .toBe('Every 1 EUR invested creates 1.70 EUR of social value: an SROI ratio of 1.70 : 1.');
    expect(await sectionHeadings()).toEqual([
      '1. Summary',
      '2. Scope and stakeholders',
      '3. Theory of change',
      '4. Impact map',
      '5. Adjustments and their reasons',
      '6. Results',
      '7. Sensitivity',
      '8. Cost-effectiveness',
      '9. Stories',
      '10. Methods appendix',
      '11. Sources',
    ]);
    // Charts drawn as SVG: the headline, the six results charts, the tornado and the Monte Carlo histogram.
    await expect.poll(() => report().locator('[data-report-chart] .chart-body svg').count()).toBe(9);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-01-screen.png') });
    await screenshot(page, 'report-01-screen-full');
  });

  it('shows stories told with consent only, never the name of an anonymised one', async () => {
    const stories = report().getByTestId('report-story');
    expect(await stories.count()).toBe(2);
    const text = (await report().textContent()) ?? '';
    expect(text).toContain(ANONYMISED_TEXT);
    expect(text).toContain(NAMED_TEXT);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(ANONYMISED_NAME);
    // The chooser lists only the stories with consent, and says one is never included.
    const controls = page.locator('.report-controls');
    expect(await controls.getByText('1 story without consent is never included.').isVisible()).toBe(true);
    expect(await controls.getByText(SECRET_TEXT.slice(0, 30)).count()).toBe(0);
  });

  it('a contents link scrolls to its section and stays on the report', async () => {
    await report()
      .getByRole('link', { name: /Sources/ })
      .click();
    await expect.poll(() => page.url()).toContain(`/#/projects/${PROJECT_ID}/report`);
    await expect.poll(() => report().locator('#report-sources').isVisible()).toBe(true);
  });

  it('leaves out the sections and stories not chosen', { timeout: 120_000 }, async () => {
    const controls = page.locator('.report-controls');
    await controls.getByRole('checkbox', { name: /^Theory of change/ }).uncheck();
    await controls.getByRole('checkbox', { name: /^Sensitivity/ }).uncheck();
    await controls.getByRole('checkbox', { name: /^The van was there/ }).uncheck();
    await controls.getByRole('radio', { name: 'Letter (US)' }).check();
    await expect
      .poll(() => sectionHeadings())
      .toEqual([
        '1. Summary',
        '2. Scope and stakeholders',
        '3. Impact map',
        '4. Adjustments and their reasons',
        '5. Results',
        '6. Cost-effectiveness',
        '7. Stories',
        '8. Methods appendix',
        '9. Sources',
      ]);
    expect(await report().getByTestId('report-story').count()).toBe(1);
    await expect.poll(() => report().getAttribute('class')).toContain('paper-Letter');
  });

  it('saves the report as Word, with the chosen sections and the charts as images', { timeout: 120_000 }, async () => {
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Save as Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('street-outreach-and-naloxone-methodmd-w2-sroi-report.docx');
    const path = join(app.dataDir, 'report.docx');
    await file.saveAs(path);
    const html = (await mammoth.convertToHtml({ path })).value;
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)]
      .map((m) => m[1].replace(/<[^>]*>/g, ''))
      .filter((h) => /^\d+\. /.test(h));
    expect(headings).toEqual(await sectionHeadings());
    expect(html).toContain('an SROI ratio of 1.70 : 1.');
    expect(html.match(/<img /g)?.length).toBe(7);
    expect(html).not.toContain(SECRET_TEXT);
    expect(html).not.toContain(ANONYMISED_NAME);
    await expect.poll(() => page.locator('.report-status').textContent()).toContain('Saved the Word document');
  });

  it('"Save as PDF" opens the print dialog, which prints the report alone', { timeout: 180_000 }, async () => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Save as PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('.report-status').textContent()).toContain('choose “Save as PDF” as the printer');

    // What the browser prints: only the report, on Letter paper, with page numbers.
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'report-02-print-media');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const path = join(app.dataDir, 'printed.pdf');
    writeFileSync(path, pdf);
    const info = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
    if (info.error) return; // poppler-utils not installed: the print itself was checked above
    expect(info.stdout).toMatch(/Page size:\s+612 x 792 pts/);
    const text = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('an SROI ratio of 1.70 : 1.');
    expect(text).toMatch(/Page 2 of \d+/);
    for (const chrome of ['All projects', 'Save as Word', 'Sections', 'Backups']) expect(text).not.toContain(chrome);
  });
});
