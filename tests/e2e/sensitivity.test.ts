// The Sensitivity screen in browser mode: import the W2 example of METHOD.md, open Sensitivity, read the
// switching values in words (including "cannot reach 1 : 1 through this outcome") and the tornado; give a
// proxy a distribution (a wrong one first: it is refused with the reason), run 2,000 iterations with a seed in
// the Web Worker, see the progress and the percentiles, run again with the same seed (the same numbers) and
// another seed (other numbers). The last run is kept with the project: after a reload it is shown again with
// the same P(ratio > 1); a change to an assumption on the impact map marks it "changed since", and "Run again
// with the same seed" brings it up to date. Then cancel a run of 1,000,000 iterations on a model with many
// distributions: nothing from it is kept.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, resolveAppPath } from '../../electron/main/security';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const W2 = resolve(__dirname, '..', '..', 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_ID = 'w2-street-outreach';
const HEAVY_ID = 'w2-many-distributions';

describe.skipIf(skip !== null)(`sensitivity in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const origin = () => new URL(app.url).origin;

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

  async function importFile(path: string, name: string) {
    await page.goto(app.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(path);
    await expect.poll(() => page.getByRole('link', { name }).isVisible(), { timeout: 20_000 }).toBe(true);
  }

  async function openSensitivity(projectId: string) {
    await page.goto(`${origin()}/#/projects/${projectId}/sensitivity`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Sensitivity' }).isVisible(), { timeout: 20_000 })
      .toBe(true);
  }

  const mc = () => page.getByRole('form', { name: 'Monte Carlo settings' });
  const resultsTable = () => page.getByTestId('mc-table');
  const runId = () => page.getByTestId('mc-results').getAttribute('data-run-id');

  async function runMonteCarlo(iterations: string, seed: string): Promise<string> {
    const before = (await page.getByTestId('mc-results').count()) > 0 ? await runId() : null;
    await mc().getByLabel('Iterations').fill(iterations);
    await mc().getByLabel('Seed', { exact: true }).fill(seed);
    await mc().getByRole('button', { name: 'Run Monte Carlo' }).click();
    await expect
      .poll(async () => ((await page.getByTestId('mc-results').count()) > 0 ? await runId() : null), {
        timeout: 60_000,
      })
      .not.toBe(before);
    return (await resultsTable().textContent()) ?? '';
  }

  it('shows switching values in words and the tornado for W2', async () => {
    await importFile(W2, 'Street outreach and naloxone (METHOD.md W2)');
    await openSensitivity(W2_ID);
    const table = page.getByTestId('switching-table');
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/cannot reach 1 : 1 through this outcome/i);
    expect(text).toContain('The ratio falls to 1 : 1 if the proxy falls to 2,011.14 EUR.');
    expect(text).toContain('The disbenefit would have to be 39.5 times larger');
    // Drop-off and duration are found by bisection; the discount rate too.
    const oat = page.getByRole('rowgroup', { name: 'Retained in opioid agonist treatment' });
    expect(await oat.getByRole('row', { name: /Drop-off/ }).textContent()).toContain(
      'Cannot reach 1 : 1 through this outcome (at 100 % the ratio is still 1.14 : 1).',
    );
    expect(await oat.getByRole('row', { name: /Duration/ }).textContent()).toContain(
      'The ratio falls to 1 : 1 only if the outcome is left out (0 years).',
    );

    const tornado = page.getByRole('figure', { name: /^Tornado/ });
    expect(await tornado.locator('svg.recharts-surface').count()).toBe(1);
    // Widest swing first: the row labels of the figures table, in order.
    const firstRow = await tornado.locator('.chart-data tbody tr').first().locator('th').textContent();
    expect(firstRow).toBe('Outcome removed: Retained in opioid agonist treatment');
    expect(await tornado.locator('.chart-data tbody tr').count()).toBeGreaterThan(20);
    expect(await tornado.textContent()).toContain('Outcome removed: Overdose deaths averted');
    await screenshot(page, 'sensitivity-01-switching-and-tornado');
    await tornado.scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await tornado.screenshot({
      path: join(resolve(__dirname, '..', '..'), 'test-results', 'screenshots', 'sensitivity-02-tornado.png'),
    });
  });

  it('checks a distribution, saves it on a proxy and runs 2,000 iterations with a seed', async () => {
    const form = page.getByRole('form', { name: 'Set a distribution: Distributions for Monte Carlo' });
    await form.getByLabel('Assumption').selectOption({ label: 'Proxy: Retained in opioid agonist treatment' });
    await form.getByLabel('Distribution').selectOption('gamma');
    // Offered from the entered value: mean 6,000 and SE 20 % of it.
    expect(await form.getByLabel('Mean').inputValue()).toBe('6000');
    await form.getByLabel('Standard error').fill('-5');
    await form.getByRole('button', { name: 'Save distribution' }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toContain('Standard error must be above 0');
    await form.getByLabel('Standard error').fill('1500');
    await form.getByRole('button', { name: 'Save distribution' }).click();
    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe('Saved the distribution of Proxy: Retained in opioid agonist treatment.');
    const list = page.getByRole('table', { name: 'Distributions: Distributions for Monte Carlo' });
    expect(await list.textContent()).toContain('Gamma: mean 6,000.00 EUR, SE 1,500.00 EUR');

    const first = await runMonteCarlo('2000', '42');
    expect(await page.getByTestId('mc-progress').textContent()).toBe('2,000 of 2,000 iterations (100 %)');
    expect(await page.locator('progress').getAttribute('value')).toBe('2000');
    expect(first).toContain('Present value (PV)');
    expect(first).toContain('2.5 %');
    expect(first).toContain('97.5 %');
    const pText = (await page.getByTestId('mc-row-probability').textContent()) ?? '';
    const p = Number(/([\d.]+) %/.exec(pText)?.[1]);
    expect(p).toBeGreaterThan(50);
    expect(p).toBeLessThanOrEqual(100);
    expect(await page.getByTestId('mc-settings').textContent()).toMatch(/^2,000 iterations, seed 42, run /);
    const histogram = page.getByRole('figure', { name: 'Distribution of the SROI ratio' });
    expect(await histogram.locator('svg.recharts-surface').count()).toBe(1);
    await screenshot(page, 'sensitivity-03-monte-carlo');
    await page.mouse.move(0, 0);
    await page.getByTestId('mc-results').screenshot({
      path: join(resolve(__dirname, '..', '..'), 'test-results', 'screenshots', 'sensitivity-04-mc-results.png'),
    });

    const again = await runMonteCarlo('2000', '42');
    expect(again).toBe(first);
    const other = await runMonteCarlo('2000', '43');
    expect(other).not.toBe(first);
  });

  it('keeps the last run with the project: shown after a reload, and marked when the model changes', async () => {
    await runMonteCarlo('2000', '42');
    await expect
      .poll(() => mc().getByRole('status').textContent(), { timeout: 20_000 })
      .toBe('Finished: 2,000 iterations with seed 42. The run is kept with the project.');
    const probability = await page.getByTestId('mc-probability').textContent();
    const table = await resultsTable().textContent();
    const id = await runId();

    await page.reload();
    await expect.poll(() => page.getByTestId('mc-results').count(), { timeout: 20_000 }).toBe(1);
    expect(await runId()).toBe(id);
    expect(await page.getByTestId('mc-probability').textContent()).toBe(probability);
    expect(await resultsTable().textContent()).toBe(table);
    expect(await page.getByTestId('mc-settings').textContent()).toMatch(/^2,000 iterations, seed 42, run /);
    expect(await page.getByTestId('mc-stale').count()).toBe(0);
    expect(await mc().getByLabel('Seed', { exact: true }).inputValue()).toBe('42');
    expect(await page.getByRole('figure', { name: 'Distribution of the SROI ratio' }).isVisible()).toBe(true);
    await screenshot(page, 'sensitivity-05-stored-run');

    // Change an assumption on the impact map: OAT retention's deadweight from 25 % to 30 %.
    await page.getByRole('link', { name: /Impact map/ }).click();
    const oat = page.getByRole('article', { name: 'Retained in opioid agonist treatment' });
    const deadweight = oat.getByLabel('Deadweight', { exact: true });
    await deadweight.fill('30');
    await deadweight.blur();
    await page.getByRole('link', { name: /Sensitivity/ }).click();
    const stale = page.getByTestId('mc-stale');
    await expect.poll(() => stale.count(), { timeout: 20_000 }).toBe(1);
    expect(await stale.textContent()).toContain(
      'The model has changed since this run (its figures, settings or distributions), so these results may no longer match it.',
    );
    // Still the stored run, and still marked after a reload (the change was saved).
    expect(await runId()).toBe(id);
    await page.reload();
    await expect.poll(() => page.getByTestId('mc-stale').count(), { timeout: 20_000 }).toBe(1);
    await screenshot(page, 'sensitivity-06-model-changed');

    await mc().getByLabel('Seed', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Run again with the same seed' }).click();
    await expect
      .poll(async () => ((await page.getByTestId('mc-results').count()) > 0 ? await runId() : null), {
        timeout: 60_000,
      })
      .not.toBe(id);
    expect(await page.getByTestId('mc-settings').textContent()).toMatch(/^2,000 iterations, seed 42, run /);
    expect(await page.getByTestId('mc-stale').count()).toBe(0);
    // A higher deadweight: less value, so the ratio's percentiles move.
    expect(await resultsTable().textContent()).not.toBe(table);
  });

  it('serves the worker as its own file from the app origin, under the CSP (127.0.0.1 and app://)', async () => {
    const root = resolve(__dirname, '..', '..', 'dist', 'renderer');
    const worker = readdirSync(join(root, 'assets')).find((f) => /^monte-carlo\.worker-[\w-]+\.js$/.test(f));
    expect(worker).toBeDefined();
    const reply = await page.request.get(`${origin()}/assets/${worker}`);
    expect(reply.status()).toBe(200);
    expect(reply.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
    expect(buildContentSecurityPolicy()).toContain("worker-src 'self' blob:");
    // The desktop app serves the same file from app://sroi/assets/ (its protocol handler reads this path).
    expect(resolveAppPath(`app://sroi/assets/${worker}`, root, join, sep)).toBe(join(root, 'assets', worker as string));
    // A bundle of the app loads it relative to itself (import.meta.url), so both origins work.
    const bundles = readdirSync(join(root, 'assets')).filter((f) => f.endsWith('.js') && f !== worker);
    const loaders = bundles.filter((f) =>
      readFileSync(join(root, 'assets', f), 'utf8').includes(`new URL(\`${worker}\`,import.meta.url)`),
    );
    expect(loaders).toHaveLength(1);
  });

  it('cancels a long run and keeps nothing from it', async () => {
    const heavy = JSON.parse(readFileSync(W2, 'utf8'));
    heavy.project.id = HEAVY_ID;
    heavy.project.name = 'W2 with many distributions';
    for (const o of heavy.project.outcomes) {
      const p = Number(o.proxy.value);
      o.uncertainty = {
        proxy: { type: 'normal', mean: o.proxy.value, sd: String(Math.abs(p) * 0.2) },
        quantity: { type: 'pert', min: '0', mode: o.quantity, max: String(Number(o.quantity) * 2) },
        deadweight: { type: 'beta', mean: '0.3', se: '0.05' },
        attribution: { type: 'beta', mean: '0.3', se: '0.05' },
        dropOff: { type: 'beta', mean: '0.3', se: '0.05' },
      };
    }
    const path = join(app.dataDir, 'w2-many.sroi.json');
    writeFileSync(path, JSON.stringify(heavy));
    await importFile(path, 'W2 with many distributions');
    await openSensitivity(HEAVY_ID);
    await mc().getByLabel('Iterations').fill('1000000');
    await mc().getByLabel('Seed', { exact: true }).fill('7');
    await mc().getByRole('button', { name: 'Run Monte Carlo' }).click();
    // The screen stays responsive while the worker runs: the progress moves and Cancel can be pressed.
    await expect
      .poll(async () => Number(await page.locator('progress').getAttribute('value')), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'sensitivity-07-running');
    await mc().getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => mc().getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^Cancelled after [\d,]+ of 1,000,000 iterations/);
    const status = (await mc().getByRole('status').textContent()) ?? '';
    const done = Number(/after ([\d,]+) of/.exec(status)?.[1].replace(/,/g, ''));
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(1_000_000);
    expect(await page.getByTestId('mc-results').count()).toBe(0);
    expect(await mc().getByRole('button', { name: 'Run Monte Carlo' }).isEnabled()).toBe(true);
    await screenshot(page, 'sensitivity-08-cancelled');
  });
});
