// Data exchange in browser mode, against the real backend over browser mode's /rpc: W2 imported through the app,
// then the exchange components (also mounted on the app's page by tests/exchange/e2e-harness.tsx, and located there, as they were before they were placed
// in the screens) driven as a user would: cost lines imported from a CSV and from an Excel workbook (preview,
// mapping, import, the app's own Inputs grid showing them after a reload), a malformed file refused with its
// problems and nothing imported, "Download Excel" (the Value Map's ratio 1.70 : 1), every chart as PNG and SVG in
// one zip, a table as CSV for Excel, and a Value Map workbook into a new project. Screenshots go to
// test-results/screenshots (exchange-*.png).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo-root';
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
const ROOT = repoRoot();
const W2 = join(ROOT, 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_ID = 'w2-street-outreach';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The app's i18n module uses Vite's import.meta.glob; for esbuild, the same catalogues listed one by one. */
const i18nForEsbuild: Plugin = {
  name: 'i18n-catalogues',
  setup(b) {
    b.onLoad({ filter: /renderer[\\/]src[\\/]i18n[\\/]index\.ts$/ }, async () => {
      const { readdirSync } = await import('node:fs');
      const dir = join(ROOT, 'renderer', 'src', 'i18n');
      const areas = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json'));
      const contents = [
        "import i18next from 'i18next';",
        "import { initReactI18next } from 'react-i18next';",
        "import core from './en.json';",
        ...areas.map((f, i) => `import area${i} from './en/${f}';`),
        `const en = Object.assign({}, core, ${areas.map((_, i) => `area${i}`).join(', ')});`,
        "export const SUPPORTED_LANGUAGES = ['en'];",
        "export function systemLanguage() { return 'en'; }",
        'export function chosenLanguage() { return null; }',
        "export const INITIAL_LANGUAGE = 'en';",
        'export const i18nReady = Promise.resolve();',
        "void i18next.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false }, returnNull: false });",
        'export default i18next;',
      ].join('\n');
      return { contents, loader: 'ts', resolveDir: dir };
    });
  },
};

async function bundleHarness(): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [join(ROOT, 'tests', 'exchange', 'e2e-harness.tsx')],
    bundle: true,
    write: false,
    outdir: join(ROOT, 'test-results', 'exchange-harness'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [i18nForEsbuild],
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

describe.skipIf(skip !== null)(`data exchange in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let harness: { js: string; css: string };
  let files: string;

  beforeAll(async () => {
    [app, harness] = await Promise.all([startApp(), bundleHarness()]);
    browser = await launchBrowser();
    page = await newPage(browser);
    files = mkdtempSync(join(tmpdir(), 'sroi-e2e-exchange-'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
    if (files) removeDir(files);
  });

  /** Shows one exchange component in a panel over the app's current page. */
  async function mount(what: Record<string, unknown>): Promise<void> {
    const loaded = await page.evaluate(() => typeof (window as unknown as { mountExchange?: unknown }).mountExchange);
    if (loaded !== 'function') {
      // Through the debugging protocol: the app's Content Security Policy forbids injected <script> elements.
      await page.evaluate(harness.js);
      await page.evaluate((css) => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.appendChild(style);
      }, harness.css);
    }
    await page.evaluate((m) => (window as unknown as { mountExchange: (m: unknown) => void }).mountExchange(m), what);
  }

  /** A call to the backend as the app makes it (browser mode's /rpc with the session's token). */
  async function rpc<T>(channel: string, input: unknown): Promise<T> {
    const answer = await page.evaluate(
      async ({ channel, input }) => {
        const token = sessionStorage.getItem('sroi-session-token') ?? '';
        const response = await fetch('./rpc', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ channel, input }),
        });
        return response.json();
      },
      { channel, input },
    );
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.message}`);
    return answer.value as T;
  }

  const inputsCount = async () => (await rpc<{ inputs: unknown[] }>('projects/get', { id: W2_ID })).inputs.length;
  const dialog = () => page.getByRole('dialog', { name: 'Import cost lines from a spreadsheet' });

  async function chooseFile(button: string, path: string) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: button }).last().click();
    await (await chooser).setFiles(path);
  }

  it('imports W2 through the app and opens its Inputs', async () => {
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    const link = page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' });
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await page.getByRole('link', { name: /Inputs and budget/ }).click();
    await expect.poll(() => page.getByRole('grid', { name: 'Cost lines' }).isVisible()).toBe(true);
    expect(await inputsCount()).toBe(3);
  });

  it('refuses a CSV with text in a number, listing it by line and column, and imports nothing', async () => {
    const path = join(files, 'budget-with-errors.csv');
    writeFileSync(
      path,
      [
        'Description;Amount (EUR);Contributed by;Kind;Category;Funder;Year',
        'Outreach worker salary;42.000,00;Municipality;cash;Staff;Municipality;2025',
        'Drop-in rent;about 900;Municipality;cash;Premises;Municipality;1',
        'Fuel;300;Nobody;cash;Vehicles;;1',
      ].join('\r\n'),
    );
    await mount({ kind: 'inputs', projectId: W2_ID });
    await page.locator('#exchange-harness').getByRole('button', { name: 'Import cost lines…' }).click();
    await expect.poll(() => dialog().isVisible()).toBe(true);
    await chooseFile('Choose a CSV or Excel file…', path);
    await expect.poll(() => dialog().getByRole('table', { name: 'The first rows of the file' }).isVisible()).toBe(true);
    // The decimal comma was recognised from the amounts.
    expect(await dialog().getByLabel('1.234,56 (comma for decimals)').isChecked()).toBe(true);
    await dialog().getByRole('button', { name: 'Import' }).click();
    const alert = dialog().getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    const text = await alert.textContent();
    expect(text).toContain('2 lines have problems; nothing was imported.');
    expect(text).toContain('line 3, column "Amount (EUR)": "about 900" is not a number');
    expect(text).toContain('line 4, column "Contributed by": "Nobody" is not a stakeholder group of this project');
    await screenshot(page, 'exchange-01-inputs-import-errors');
    expect(await inputsCount()).toBe(3);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  it('imports cost lines from an Excel workbook, and the app’s grid shows them after a reload', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').getCell('A1').value = 'Budget agreed with the municipality';
    const sheet = workbook.addWorksheet('Budget 2025');
    sheet.addRow(['Budget 2025, street unit']);
    sheet.addRow([]);
    sheet.addRow([
      'Description',
      'Amount',
      'Contributed by',
      'Kind',
      'Category',
      'Funder',
      'Year',
      'Hours',
      'Hourly rate',
    ]);
    sheet.addRow(['Outreach worker salary', 42000, 'Municipality', 'cash', 'Staff', 'Municipality', 1]);
    sheet.addRow(['Night volunteers', null, 'Peer volunteers', 'volunteer time', 'Volunteer time', null, 2, 400, 9.5]);
    const path = join(files, 'budget.xlsx');
    await workbook.xlsx.writeFile(path);

    await mount({ kind: 'inputs', projectId: W2_ID });
    await page.locator('#exchange-harness').getByRole('button', { name: 'Import cost lines…' }).click();
    await chooseFile('Choose a CSV or Excel file…', path);
    const sheetChoice = dialog().getByLabel('Sheet');
    await expect.poll(() => sheetChoice.isVisible()).toBe(true);
    expect(await sheetChoice.inputValue()).toBe('Notes');
    await sheetChoice.selectOption('Budget 2025');
    const preview = dialog().getByRole('table', { name: 'The first rows of the file' });
    await expect.poll(() => preview.textContent()).toContain('Night volunteers');
    // The header is on row 3 of the sheet, under a title: the rows keep the sheet's numbers.
    expect(await preview.getByRole('rowheader', { name: '4' }).isVisible()).toBe(true);
    expect(await dialog().getByLabel('Hours (volunteer time)').inputValue()).toBe('Hours');
    expect(await dialog().getByLabel('Hourly rate (volunteer time)').inputValue()).toBe('Hourly rate');
    await screenshot(page, 'exchange-02-inputs-import-mapping');
    await dialog().getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 cost lines.' }).count()).toBe(1);
    expect(await inputsCount()).toBe(5);

    await page.reload();
    const grid = page.getByRole('grid', { name: 'Cost lines' });
    await expect.poll(() => grid.isVisible()).toBe(true);
    await expect.poll(() => grid.textContent()).toContain('Night volunteers');
    expect(await grid.textContent()).toContain('Outreach worker salary');
    await expect
      .poll(() => page.getByTestId('investment-total').textContent())
      .toBe(
        `${(106250 + 42000 + 3800 / 1.035).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} EUR`,
      );
    await screenshot(page, 'exchange-03-inputs-after-import');
  });

  it('has no accessibility violations in the import dialog (axe-core, colour contrast included)', async () => {
    await mount({ kind: 'inputs', projectId: W2_ID });
    await page.locator('#exchange-harness').getByRole('button', { name: 'Import cost lines…' }).click();
    await chooseFile('Choose a CSV or Excel file…', join(files, 'budget-with-errors.csv'));
    await expect.poll(() => dialog().getByRole('table', { name: 'The first rows of the file' }).isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => dialog().getByRole('alert').isVisible()).toBe(true);
    // Evaluated through the debugging protocol: the app's Content Security Policy forbids injected scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const result = (await axe.run({ include: ['dialog.exchange-dialog'] }, { resultTypes: ['violations'] })) as {
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      return result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
  });

  it('"Download Excel" saves the Value Map workbook of the project', async () => {
    await mount({ kind: 'excel', projectId: W2_ID, projectName: 'Street outreach and naloxone (METHOD.md W2)' });
    const download = page.waitForEvent('download');
    await page
      .locator('#exchange-harness')
      .getByRole('button', { name: /^Download Excel/ })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('street-outreach-and-naloxone-methodmd-w2-value-map.xlsx');
    const path = join(files, file.suggestedFilename());
    await file.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Value Map',
      'Inputs by funder',
      'Outputs by month',
      'About',
    ]);
    const pv = workbook.getWorksheet('Value Map')!.getCell('E4').value as { result: number };
    expect(pv.result.toFixed(2)).toBe('180737.35');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved street-outreach' }).count()).toBe(1);
  });

  it('downloads every chart of Results as PNG and SVG in one zip', async () => {
    await page.getByRole('link', { name: /Results/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Charts' }).isVisible()).toBe(true);
    await mount({ kind: 'charts', projectName: 'Street outreach and naloxone (METHOD.md W2)' });
    const download = page.waitForEvent('download');
    await page.locator('#exchange-harness').getByRole('button', { name: 'Download all charts (.zip)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('street-outreach-and-naloxone-methodmd-w2-charts.zip');
    const path = join(files, file.suggestedFilename());
    await file.saveAs(path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(zip.files).sort();
    const charts = await page.locator('.results-charts figure.chart svg.recharts-surface').count();
    expect(names).toHaveLength(charts * 2);
    expect(names).toContain('street-outreach-and-naloxone-methodmd-w2-value-by-stakeholder.svg');
    for (const name of names.filter((n) => n.endsWith('.png'))) {
      expect((await zip.file(name)!.async('nodebuffer')).subarray(0, 8).equals(PNG_SIGNATURE), name).toBe(true);
    }
    // One of the zipped images, kept for review beside the screenshots.
    writeFileSync(
      join(SCREENSHOTS, 'exchange-04b-zipped-value-by-year.png'),
      await zip.file('street-outreach-and-naloxone-methodmd-w2-value-by-year.png')!.async('nodebuffer'),
    );
    const svg = await zip.file('street-outreach-and-naloxone-methodmd-w2-value-by-stakeholder.svg')!.async('string');
    expect(svg).toContain('People who use drugs');
    expect(svg).toContain('Street outreach and naloxone (METHOD.md W2) · SROI Studio');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /charts, PNG and SVG/ })
          .count(),
      )
      .toBe(1);
    await screenshot(page, 'exchange-04-charts-zip');
  });

  it('"Download CSV" writes a table for Excel (UTF-8 with a BOM)', async () => {
    await mount({ kind: 'csv' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV: Cost lines' }).click();
    const file = await download;
    const path = join(files, file.suggestedFilename());
    await file.saveAs(path);
    expect(file.suggestedFilename()).toBe('w2-cost-lines.csv');
    expect(readFileSync(path, 'utf8')).toBe(
      '\ufeffDescription,Funder,Amount (EUR)\r\nMunicipal grant,Municipality,80000\r\n"Donated van, “as new”",Local business,12000\r\n',
    );
  });

  it('imports a Value Map workbook into a new project and lists what it could not read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Value Map');
    sheet.getCell('A1').value = 'Night shelter';
    sheet.getCell('A3').value = 'Discount rate';
    sheet.getCell('B3').value = 0.035;
    sheet.getRow(5).values = [
      'Stakeholders',
      'Inputs',
      'Value €',
      'Description',
      'Indicator',
      'Quantity',
      'Duration',
      'Outcomes start',
      'Financial proxy',
      'Value €',
      'Deadweight %',
      'Attribution %',
      'Drop off %',
    ];
    sheet.getRow(6).values = [
      'Guests',
      'Beds',
      30000,
      'Nights off the street',
      'Nights stayed',
      120,
      1,
      1,
      'Cost of an emergency admission avoided',
      310,
      0.25,
      0.1,
      0,
    ];
    sheet.getRow(7).values = [
      null,
      null,
      null,
      'Fewer hospital visits',
      'Admissions',
      'a dozen',
      2,
      2,
      'Cost of an admission',
      1800,
      0.3,
      0.2,
      0.5,
    ];
    const path = join(files, 'night-shelter.xlsx');
    await workbook.xlsx.writeFile(path);

    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Your projects' }).isVisible()).toBe(true);
    await mount({ kind: 'valueMap' });
    await chooseFile('Import a Value Map (.xlsx)…', path);
    const report = page.getByRole('dialog', { name: 'Value Map imported' });
    await expect.poll(() => report.isVisible()).toBe(true);
    expect(await report.textContent()).toContain(
      '“Night shelter” was created with 1 stakeholder groups, 2 outcomes, 1 cost lines and 0 outputs.',
    );
    expect(await report.getByRole('list', { name: 'Could not be read' }).textContent()).toContain(
      'Row 7 ("Fewer hospital visits"): the quantity "a dozen" is not a number; set to 0.',
    );
    await screenshot(page, 'exchange-05-value-map-imported');
    await report.getByRole('button', { name: 'Open the project' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toMatch(/Outcomes|Impact map/);
    const list = await rpc<Array<{ name: string; outcomeCount: number }>>('projects/list', {});
    expect(list.find((p) => p.name === 'Night shelter')?.outcomeCount).toBe(2);
  });
});
