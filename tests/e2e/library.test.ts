// The library journey in browser mode: create a project from the needle and syringe programme template,
// open the impact map, pick a proxy from the library for an outcome (a US value, brought into 2025 euros with
// a price index and an exchange rate typed as test inputs), and see the citation kept, both factors in
// "How was this obtained?", and the result recomputed. Then the benchmarks beside the results.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCREENSHOTS,
  e2eUnavailable,
  launchBrowser,
  newPage,
  removeDir,
  screenshot,
  startApp,
  type RunningApp,
} from './harness';

/** A screenshot of one element (the dialog), which a full-page screenshot would show behind its backdrop. */
async function shot(locator: Locator, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await locator.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const skip = e2eUnavailable();

describe.skipIf(skip !== null)(
  `proxy library and templates in browser mode${skip ? ` (skipped: ${skip})` : ''}`,
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

    it('creates a project from the needle and syringe programme template and opens its impact map', async () => {
      await page.goto(app.url);
      const templates = page.getByRole('region', { name: 'Start from a template' });
      await expect.poll(() => templates.isVisible()).toBe(true);
      await screenshot(page, 'library-01-home-templates');
      await templates
        .getByRole('button', { name: 'Create a project from the template “Needle and syringe programme”' })
        .click();
      await expect.poll(() => page.getByRole('heading', { name: 'Impact map' }).isVisible()).toBe(true);
      const hiv = page.getByRole('article', { name: 'HIV infections averted' });
      await expect.poll(() => hiv.isVisible()).toBe(true);
      expect(await page.getByRole('article', { name: 'Hepatitis C infections averted' }).isVisible()).toBe(true);
      await screenshot(page, 'library-02-template-impact-map');
    });

    it('picks a proxy from the library; the citation is kept and the impact recomputed with both factors', async () => {
      const hiv = page.getByRole('article', { name: 'HIV infections averted' });
      const quantity = hiv.getByLabel('Quantity', { exact: true });
      await quantity.fill('2');
      await quantity.blur();
      await expect.poll(() => hiv.getByText('Impact: 0.00 EUR').isVisible()).toBe(true);

      await hiv.getByRole('button', { name: 'Choose a proxy from the library for HIV infections averted' }).click();
      const dialog = page.getByRole('dialog', { name: 'Proxy library: HIV infections averted' });
      await expect
        .poll(() => dialog.getByRole('region', { name: 'Suggested for this outcome' }).isVisible())
        .toBe(true);
      await shot(dialog, 'library-03-browser');

      await dialog.getByLabel('Search').fill('prison');
      await expect.poll(() => dialog.getByText('1 entry', { exact: true }).isVisible()).toBe(true);
      await dialog.getByLabel('Search').fill('');

      await dialog
        .getByRole('region', { name: 'Suggested for this outcome' })
        .getByRole('button', { name: /^Use for this outcome: Medical cost saved per HIV infection averted/ })
        .click();
      await expect
        .poll(() => dialog.getByText(/From 229,800 USD at 2012 prices to EUR at 2025 prices/).isVisible())
        .toBe(true);
      // Test inputs typed over the offered series, not published figures: they become a series of the user's.
      await dialog.getByLabel('Series', { exact: true }).fill('Test index (e2e input)');
      await dialog.getByLabel('Index in 2012').fill('100');
      await dialog.getByLabel('Index in 2025').fill('110');
      await dialog.getByLabel('Source of the index values').fill('End-to-end test input');
      await dialog.getByLabel('Rate (EUR per USD)').fill('0.9');
      await dialog.getByLabel('Date of the rate').fill('2025-06-30');
      await dialog.getByLabel('Source of the rate').fill('End-to-end test rate');
      await expect
        .poll(() => dialog.getByTestId('adjust-preview').textContent())
        .toMatch(/229,800 USD × 1\.1 \(price index\) × 0\.9 \(exchange rate\) = 227,502\.00 EUR/);
      await shot(dialog, 'library-04-adjustment');
      await dialog.getByRole('button', { name: 'Use this proxy' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      // 2 infections x 229,800 x 110/100 x 0.9 = 455,004.
      await expect.poll(() => hiv.getByText('Impact: 455,004.00 EUR').isVisible()).toBe(true);
      const provenance = hiv.getByTestId('proxy-provenance');
      expect(await provenance.textContent()).toMatch(/From the proxy library.*A: primary source.*Schackman et al\./);
      expect(await provenance.getByRole('link', { name: 'Open the source' }).getAttribute('href')).toBe(
        'https://pmc.ncbi.nlm.nih.gov/articles/PMC4359630',
      );
      expect(await hiv.getByLabel('Proxy source', { exact: true }).inputValue()).toMatch(/^Schackman et al\./);
      expect(await hiv.getByLabel('Proxy price year', { exact: true }).inputValue()).toBe('2012');

      // "How was this obtained?" on the proxy in model prices lists both factors with their sources.
      expect(await hiv.getByText(/In EUR at 2025 prices: 227,502\.00 EUR\./).isVisible()).toBe(true);
      await hiv.getByRole('button', { name: 'How was this obtained? Proxy value in model prices' }).click();
      const explain = hiv.getByRole('region', { name: 'Proxy value in model prices' });
      await expect.poll(() => explain.isVisible()).toBe(true);
      const explained = await explain.textContent();
      expect(explained).toMatch(/P = proxy value x index\(model year\) \/ index\(price year\) x exchange rate/);
      expect(explained).toMatch(/Price index Test index \(e2e input\), 2025\s*110/);
      expect(explained).toMatch(/Price index Test index \(e2e input\), 2012\s*100/);
      expect(explained).toMatch(/Exchange rate USD to EUR \(2025-06-30\)\s*0\.9 EUR per USD/);
      expect(explained).toMatch(/End-to-end test rate/);
      await shot(hiv, 'library-05-citation-and-explain');
    });

    it('keeps the proxy, its citation and both factors after a reload', async () => {
      await page.reload();
      const hiv = page.getByRole('article', { name: 'HIV infections averted' });
      await expect.poll(() => hiv.getByText('Impact: 455,004.00 EUR').isVisible()).toBe(true);
      expect(await hiv.textContent()).toMatch(/Price index Test index \(e2e input\): 100 → 110\./);
      expect(await hiv.textContent()).toMatch(/Exchange rate 0\.9 \(2025-06-30, End-to-end test rate\)\./);
    });

    it('keeps the typed index values and rate as the user’s price data, and lists the user’s own entries', async () => {
      const hcv = page.getByRole('article', { name: 'Hepatitis C infections averted' });
      await hcv
        .getByRole('button', { name: 'Choose a proxy from the library for Hepatitis C infections averted' })
        .click();
      const dialog = page.getByRole('dialog', { name: 'Proxy library: Hepatitis C infections averted' });
      await dialog.getByRole('tab', { name: 'Price indices and exchange rates' }).click();
      await expect
        .poll(() => dialog.getByText(/No other index values and no exchange rates are shipped/).isVisible())
        .toBe(true);
      expect(await dialog.getByRole('article', { name: 'Test index (e2e input)' }).isVisible()).toBe(true);
      expect(await dialog.getByRole('cell', { name: 'End-to-end test rate' }).isVisible()).toBe(true);
      await shot(dialog, 'library-07-price-data');

      await dialog.getByRole('tab', { name: 'Your entries' }).click();
      await dialog.getByRole('button', { name: 'Add an entry' }).click();
      await expect.poll(() => dialog.getByRole('form', { name: 'New entry' }).isVisible()).toBe(true);
      await shot(dialog, 'library-08-own-entry');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      // A second proxy in USD from another year finds the saved rate, and the shipped US CPI-U with its published
      // 2011 value (BLS); only the 2025 value is missing.
      await hcv
        .getByRole('button', { name: 'Choose a proxy from the library for Hepatitis C infections averted' })
        .click();
      await dialog
        .getByRole('button', { name: /^Use for this outcome: Lifetime cost per person infected with hepatitis C/ })
        .first()
        .click();
      expect(await dialog.getByLabel('Rate (EUR per USD)').inputValue()).toBe('0.9');
      expect(await dialog.getByLabel('Source of the rate').inputValue()).toBe('End-to-end test rate');
      expect(await dialog.getByLabel('Series', { exact: true }).inputValue()).toBe(
        'CPI-U, US city average, all items, annual average',
      );
      expect(await dialog.getByLabel('Index in 2011').inputValue()).toBe('224.939');
      expect(await dialog.getByLabel('Index in 2025').inputValue()).toBe('');
      await shot(dialog, 'library-09-saved-rate');
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    it('adjusts a hand-entered proxy in another currency with the price year and currency editor', async () => {
      const litter = page.getByRole('article', { name: 'Fewer discarded syringes near homes' });
      for (const [label, value] of [
        ['Quantity', '10'],
        ['Proxy value (per person)', '150'],
      ]) {
        const field = litter.getByLabel(label, { exact: true });
        await field.fill(value);
        await field.blur();
      }
      await expect.poll(() => litter.getByText('Impact: 1,500.00 EUR').isVisible()).toBe(true);
      await litter.getByRole('button', { name: /^Price year and currency of the proxy for Fewer discarded/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Price year and currency: Fewer discarded syringes near homes' });
      await dialog.getByLabel('Currency of the proxy value').fill('GBP');
      await dialog.getByLabel('Rate (EUR per GBP)').fill('1.2');
      await dialog.getByLabel('Date of the rate').fill('2025-03-31');
      await dialog.getByLabel('Source of the rate').fill('End-to-end test rate (GBP)');
      await expect.poll(() => dialog.getByTestId('adjust-preview').textContent()).toMatch(/= 180\.00 EUR/);
      await shot(dialog, 'library-10-adjust-hand-entered');
      await dialog.getByRole('button', { name: 'Save the adjustment' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => litter.getByText('Impact: 1,800.00 EUR').isVisible()).toBe(true);
      await litter.getByText('Notes and guidance').click();
      await shot(litter, 'library-11-guidance-and-adjusted');
    });

    it('shows published results beside the results, as context and not a target', async () => {
      await page
        .getByRole('link', { name: /Results/ })
        .first()
        .click();
      const panel = page.getByRole('region', { name: 'Published results for harm reduction' });
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.getByText('Context, not a target').isVisible()).toBe(true);
      await panel.getByRole('heading', { name: 'Published results for harm reduction' }).click();
      await expect.poll(() => panel.getByRole('columnheader', { name: 'Time horizon' }).isVisible()).toBe(true);
      await shot(panel, 'library-06-benchmarks');
    });
  },
);
