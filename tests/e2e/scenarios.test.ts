// The stage "Cost-effectiveness and scenarios" in browser mode, on the W2 example of METHOD.md: the
// indicators from the SROI cost base; "No service" against "Current service" built from the project, with the
// ICER (106,250 / 2.4 = 44,270.83 EUR per death averted) and a dominance message; a "Budget -20 %" scenario
// compared side by side (cost 85,000, ratio 2.13 : 1); and both kept in the store and in the exported file.
// The stage's own inputs (unique clients, a QALY gain, a party's sector, the chosen threshold) are saved with
// the project: still there after leaving the stage and reloading, and in the exported file.
// Screenshots of each part are kept in test-results/screenshots for review.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostEffectivenessInputs } from '../../shared/model';
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
const PROJECT_ID = 'w2-street-outreach';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe.skipIf(skip !== null)(
  `cost-effectiveness and scenarios in browser mode${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
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

    const stage = () => `${new URL(app.url).origin}/#/projects/${PROJECT_ID}/scenarios`;
    const part = (name: string) => page.getByRole('region', { name });

    async function fill(label: string, text: string, scope = page.locator('body')) {
      const field = scope.getByLabel(label, { exact: true });
      await field.fill(text);
      await field.press('Tab');
    }

    it('imports W2 and opens the stage by its address: indicators from the SROI cost base', async () => {
      await page.goto(app.url);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import a project file…' }).click();
      await (await chooser).setFiles(W2);
      await expect
        .poll(() => page.getByRole('link', { name: 'Street outreach and naloxone (METHOD.md W2)' }).isVisible())
        .toBe(true);

      await page.goto(stage());
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: 'Cost-effectiveness and scenarios' }).isVisible())
        .toBe(true);
      expect(await page.getByTestId('ce-total-cost').textContent()).toBe('106,250.00 EUR');
      expect(await page.getByTestId('ce-bcr').textContent()).toBe('1.70 : 1');
      expect(await page.getByTestId('ce-per-outcome-overdose').textContent()).toBe('44,270.83');
      await page
        .getByRole('button', { name: /How was this obtained\? Cost per outcome: Overdose deaths averted/ })
        .click();
      await expect
        .poll(() => page.getByRole('region', { name: 'Cost per outcome: Overdose deaths averted' }).textContent())
        .toContain('total cost / (Q x (1 - DW))');
      await page.screenshot({ path: join(SCREENSHOTS, 'scenarios-00-top.png') });
      await screenshot(page, 'scenarios-01-stage');
      await page
        .locator('section[aria-labelledby="ce-indicators-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-02-indicators.png') });
      await page
        .locator('section[aria-labelledby="ce-funders-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-03-funders.png') });
    });

    it('builds "No service" against "Current service" and reads the ICER and the dominance message', async () => {
      await fill('Unit of effect', 'deaths averted');
      await page.getByRole('button', { name: 'Add "No service" (no cost, no effect)' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added No service.' }).count()).toBe(1);
      await page.getByLabel('Effect: outcome net of deadweight').selectOption({ label: 'Overdose deaths averted' });
      expect(await page.getByText('Cost 106,250.00 EUR, effect 2.4.').isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Add from this project' }).click();

      const comparison = part('Comparison of strategies');
      await expect
        .poll(() => comparison.getByTestId('strategy-icer-Current service').textContent(), { timeout: 15_000 })
        .toContain('ICER 44,270.83 EUR per death averted');
      expect(await comparison.getByTestId('strategy-row-No service').textContent()).toContain('reference');

      const form = page.getByRole('form', { name: 'Add a strategy', exact: true });
      await form.getByLabel('Name', { exact: true }).fill('Van only');
      await form.getByLabel('Cost (EUR)').fill('110000');
      await form.getByLabel('Effect (deaths averted)').fill('1');
      await form.getByRole('button', { name: 'Add strategy' }).click();
      await expect
        .poll(() => comparison.getByTestId('dominance-message').textContent(), { timeout: 15_000 })
        .toBe(
          'Current service is dominant (cost-saving) over Van only: it costs 3,750.00 EUR less and achieves 1.4 deaths averted more.',
        );
      expect(await comparison.getByTestId('strategy-icer-Van only').textContent()).toContain('Dominated');
      await comparison.getByRole('button', { name: /How was this obtained\? Van only is dominated/ }).click();
      expect(await comparison.textContent()).toContain('Van only is dominated by Current service');

      const plane = page.getByRole('figure', { name: 'Cost-effectiveness plane' });
      expect(await plane.locator('svg.recharts-surface').count()).toBe(1);
      expect(await plane.locator('.chart-summary').textContent()).toBe(
        'The efficiency frontier runs No service → Current service; one strategy is off it: Van only (dominated).',
      );
      await page
        .locator('section[aria-labelledby="ce-strategies-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-04-strategies.png') });
      await comparison.screenshot({ path: join(SCREENSHOTS, 'scenarios-06-strategy-comparison.png') });

      // A threshold of one's own (data: value, unit, currency, date, source) adds the net monetary benefit and
      // the threshold line on the plane. NMB = 50,000 x 2.4 - 106,250 = 13,750.
      await page.getByText('Enter your own threshold').click();
      const own = page.locator('details.ce-own');
      await own.getByLabel('Value per unit of effect').fill('50000');
      await own.getByLabel('Source', { exact: true }).fill('Example health authority, 2025');
      await own.getByRole('button', { name: 'Add and apply' }).click();
      await expect
        .poll(() => comparison.getByTestId('highest-nmb').textContent())
        .toBe("At 50,000 EUR per death averted, the highest net monetary benefit is Current service's: 13,750.00 EUR.");
      await plane.screenshot({ path: join(SCREENSHOTS, 'scenarios-07-plane.png') });
    });

    it('saves unique clients, a QALY gain, a sector and the threshold with the project', async () => {
      await fill('Unique clients', '250');
      // 106,250 / 250 = 425.
      await expect.poll(() => page.getByTestId('ce-per-client').textContent()).toBe('425.00 EUR');
      await fill('Utility gain per person per year', '0.192');
      expect(await page.getByText('Not saved yet: enter Persons with the gain to save this entry.').isVisible()).toBe(
        true,
      );
      await fill('Persons with the gain', '25');
      // 106,250 / (0.192 x 25 / 1.035) = 22,910.16 EUR per QALY.
      await expect.poll(() => page.getByTestId('ce-per-qaly').textContent()).toBe('22,910.16 EUR per QALY');
      await page.getByLabel('Sector of Municipality').selectOption({ label: 'Health system' });
      await expect
        .poll(() =>
          page
            .getByTestId('who-by-sector')
            .getByRole('row', { name: /^Health system/ })
            .textContent(),
        )
        .toContain('80,000.00');
      const threshold = page.getByLabel('Threshold', { exact: true });
      await threshold.selectOption({ label: 'None' });
      await expect.poll(() => page.getByTestId('highest-nmb').count()).toBe(0);
      await threshold.selectOption({ label: 'My threshold: 50,000 EUR per death averted (no date)' });
      await expect.poll(() => page.getByTestId('highest-nmb').count()).toBe(1);

      // Leave the stage, reload the page, come back: everything is read from the project.
      await page.goto(`${new URL(app.url).origin}/#/projects/${PROJECT_ID}/outcomes`);
      await expect.poll(() => page.locator('.ce-screen').count()).toBe(0);
      await page.reload();
      await page.goto(stage());
      await expect.poll(() => page.getByTestId('ce-per-client').textContent(), { timeout: 15_000 }).toBe('425.00 EUR');
      expect(await page.getByLabel('Unique clients').inputValue()).toBe('250');
      expect(await page.getByLabel('Utility gain per person per year').inputValue()).toBe('0.192');
      expect(await page.getByLabel('Persons with the gain').inputValue()).toBe('25');
      expect(await page.getByTestId('ce-per-qaly').textContent()).toBe('22,910.16 EUR per QALY');
      expect(await page.getByLabel('Sector of Municipality').inputValue()).toBe('health-system');
      expect(await threshold.locator('option:checked').textContent()).toBe(
        'My threshold: 50,000 EUR per death averted (no date)',
      );
      expect(await page.getByTestId('highest-nmb').textContent()).toContain('13,750.00 EUR');
      await page
        .locator('section[aria-labelledby="ce-indicators-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-08-saved-inputs.png') });
      await page
        .locator('section[aria-labelledby="ce-funders-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-09-saved-sector.png') });
      await page
        .locator('.card', { has: page.locator('#ce-threshold') })
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-10-saved-threshold.png') });
      await screenshot(page, 'scenarios-11-stage-saved');
    });

    it('creates a "Budget -20 %" scenario and sees it side by side with the base case', async () => {
      await page.getByRole('button', { name: 'Create scenario' }).click();
      const table = page.getByTestId('scenario-comparison');
      await expect.poll(() => table.isVisible(), { timeout: 15_000 }).toBe(true);
      const costRow = table.getByRole('row', { name: /^Cost \(EUR\)/ });
      const costText = await costRow.textContent();
      expect(costText).toContain('106,250.00');
      expect(costText).toContain('85,000.00');
      expect(costText).toContain('-21,250.00 (-20.0 %)');
      expect(await table.getByRole('row', { name: /^SROI ratio/ }).textContent()).toContain('2.13 : 1');
      expect(
        await table.getByRole('row', { name: /^Cost per outcome: Overdose deaths averted/ }).textContent(),
      ).toContain('35,416.67');
      expect(await page.getByRole('figure', { name: 'Scenarios: cost and present value' }).isVisible()).toBe(true);
      // Nothing is wider than the stage: wide tables scroll inside their cards, the page does not.
      const overflow = await page.evaluate(() => {
        const stage = document.querySelector('main.stage');
        if (!stage) return ['no stage'];
        const right = stage.getBoundingClientRect().right;
        return [...stage.querySelectorAll('*')]
          .filter((e) => e.getBoundingClientRect().right > right + 1 && !e.closest('.ce-scroll'))
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${(e.getAttribute('class') ?? '').replace(/ /g, '.')}`);
      });
      expect(overflow).toEqual([]);
      const size = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      await page
        .locator('section[aria-labelledby="ce-scenarios-title"]')
        .screenshot({ path: join(SCREENSHOTS, 'scenarios-05-scenarios.png') });
    });

    it('keeps strategies and the scenario in the store and exports them with the project', async () => {
      await page.reload();
      await expect.poll(() => page.getByTestId('scenario-comparison').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByTestId('strategy-icer-Current service').textContent()).toContain('44,270.83');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export project file' }).click();
      const file = await download;
      const path = join(app.dataDir, 'exported.sroi.json');
      await file.saveAs(path);
      const exported = JSON.parse(readFileSync(path, 'utf8')) as {
        project: {
          effectUnit: string;
          costEffectiveness: CostEffectivenessInputs;
          strategies: Array<{ name: string; cost: string; effect: string }>;
          scenarios: Array<{ name: string; overrides: Array<{ id: string; field: string; value: string }> }>;
        };
      };
      expect(exported.project.effectUnit).toBe('deaths averted');
      const ce = exported.project.costEffectiveness;
      expect(ce.uniqueClients).toBe('250');
      expect(ce.health.qalys).toEqual([{ label: '', utilityGain: '0.192', persons: '25', years: 1, source: '' }]);
      expect(ce.sectors).toEqual({ 'stakeholder:municipality': 'health-system' });
      expect(ce.thresholds.map((t) => [t.label, t.value, t.unit, t.currency, t.source])).toEqual([
        ['My threshold', '50000', 'deaths averted', 'EUR', 'Example health authority, 2025'],
      ]);
      expect(ce.thresholdId).toBe(ce.thresholds[0].id);
      expect(exported.project.strategies.map((s) => [s.name, s.cost, s.effect])).toEqual([
        ['No service', '0', '0'],
        ['Current service', '106250', '2.4'],
        ['Van only', '110000', '1'],
      ]);
      expect(exported.project.scenarios).toHaveLength(1);
      expect(exported.project.scenarios[0].name).toBe('Budget -20 %');
      expect(exported.project.scenarios[0].overrides.map((o) => [o.id, o.field, o.value])).toEqual([
        ['grant', 'amount', '64000'],
        ['van', 'amount', '9600'],
        ['volunteers', 'amount', '11400'],
      ]);
    });

    it('has no accessibility violations on the stage (axe-core, WCAG 2.1 AA, colour contrast included)', async () => {
      // Evaluated through the debugging protocol: the app's Content Security Policy forbids injected scripts.
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } })
          .axe;
        const result = (await axe.run(
          { include: ['.ce-screen'] },
          { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] },
        )) as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> };
        return result.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
    });

    it('downloads the cost-effectiveness plane as a standalone SVG naming the strategies', async () => {
      const plane = page.getByRole('figure', { name: 'Cost-effectiveness plane' });
      const pending = page.waitForEvent('download');
      await plane.getByRole('button', { name: 'Download SVG: Cost-effectiveness plane' }).click();
      const file = await pending;
      const path = join(app.dataDir, file.suggestedFilename());
      await file.saveAs(path);
      const svg = readFileSync(path, 'utf8');
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(svg).toContain('Current service');
      expect(svg).toContain('Van only (dominated)');
    });
  },
);
