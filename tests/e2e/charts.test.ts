// The Results charts in browser mode: import the W2 example of METHOD.md, open Results, find the six charts
// in the "Charts" section, download one as SVG (a valid standalone SVG naming "People who use drugs") and
// every one as PNG (the PNG signature, twice the on-screen size). Screenshots of each chart, and the exported
// PNGs, are kept in test-results/screenshots for review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CHARTS = [
  { id: 'stakeholders', title: 'Value by stakeholder' },
  { id: 'outcomes', title: 'Value by outcome' },
  { id: 'waterfall', title: 'From gross value to present value' },
  { id: 'years', title: 'Value by year' },
  { id: 'categories', title: 'Costs by category' },
  { id: 'funders', title: 'Costs by funder' },
];

describe.skipIf(skip !== null)(`charts in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
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

  const chart = (title: string) => page.getByRole('figure', { name: title });

  async function download(title: string, kind: 'PNG' | 'SVG'): Promise<{ name: string; bytes: Buffer }> {
    const pending = page.waitForEvent('download');
    await chart(title)
      .getByRole('button', { name: `Download ${kind}: ${title}` })
      .click();
    const file = await pending;
    const path = join(app.dataDir, file.suggestedFilename());
    await file.saveAs(path);
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  }

  it('imports W2, opens Results and shows the six charts under "Charts"', async () => {
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    const link = page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' });
    await expect.poll(() => link.isVisible()).toBe(true);
    await link.click();
    await page.getByRole('link', { name: /Results/ }).click();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');

    const section = page.getByRole('region', { name: 'Charts' });
    await expect.poll(() => section.getByRole('heading', { level: 2, name: 'Charts' }).isVisible()).toBe(true);
    expect(await section.getByRole('figure').count()).toBe(6);
    for (const { title } of CHARTS) {
      const figure = chart(title);
      expect(await figure.getByRole('heading', { level: 3, name: title }).isVisible()).toBe(true);
      expect(await figure.locator('svg.recharts-surface').count()).toBe(1);
      expect(await figure.locator('.chart-bar').count()).toBeGreaterThan(0);
    }
    expect(await chart('Value by stakeholder').locator('svg.recharts-surface').textContent()).toContain('176,970.63');
    expect(await chart('From gross value to present value').locator('svg.recharts-surface').textContent()).toContain(
      '180,737.35',
    );

    await section.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const { id, title } of CHARTS) {
      await chart(title).screenshot({ path: join(SCREENSHOTS, `charts-${id}.png`) });
    }
    await screenshot(page, 'charts-results-page');
  });

  it('has no accessibility violations in the charts section (axe-core, colour contrast included)', async () => {
    // Evaluated through the debugging protocol: the app's Content Security Policy forbids injected scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
      const result = (await axe.run({ include: ['.results-charts'] }, { resultTypes: ['violations'] })) as {
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      return result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    });
    expect(violations).toEqual([]);
  });

  it('downloads a chart as a standalone SVG containing "People who use drugs"', async () => {
    const { name, bytes } = await download('Value by stakeholder', 'SVG');
    expect(name).toBe('street-outreach-and-naloxone-methodmd-w2-value-by-stakeholder.svg');
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg).toContain('People who use drugs');
    expect(svg).toContain('176,970.63');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    writeFileSync(join(SCREENSHOTS, 'charts-export-stakeholders.svg'), svg);

    // The file stands alone: the browser parses it as XML and draws it with no stylesheet and no app.
    const check = await browser.newPage();
    try {
      const parsed = await check.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          errors: doc.getElementsByTagName('parsererror').length,
          root: doc.documentElement.localName,
          title: doc.querySelector('title')?.textContent,
        };
      }, svg);
      expect(parsed).toEqual({ errors: 0, root: 'svg', title: 'Value by stakeholder' });
      await check.setContent(svg.replace(/^<\?xml[^>]*>\n/, ''));
      await check
        .locator('svg')
        .first()
        .screenshot({ path: join(SCREENSHOTS, 'charts-export-stakeholders-svg.png') });
    } finally {
      await check.close();
    }
  });

  it('downloads every chart as a PNG at twice its size', async () => {
    for (const { id, title } of CHARTS) {
      const { name, bytes } = await download(title, 'PNG');
      expect(name.endsWith('.png')).toBe(true);
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // IHDR: width and height, big-endian, at bytes 16..23; at 2x the on-screen chart and its header.
      const width = bytes.readUInt32BE(16);
      const box = await chart(title).locator('svg.recharts-surface').boundingBox();
      expect(width).toBe(Math.round(Math.ceil(box?.width ?? 0) * 2));
      writeFileSync(join(SCREENSHOTS, `charts-export-${id}.png`), bytes);
    }
    expect(await chart('Costs by funder').getByRole('status').textContent()).toMatch(
      /^Saved .*costs-by-funder\.png\.$/,
    );
  });
});
