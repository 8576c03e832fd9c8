// Accessibility of every screen, checked with axe-core (WCAG 2.0 and 2.1, levels A and AA) in browser mode:
// the projects home empty and with projects; the six stages of the W2 project of METHOD.md (imported from
// docs/examples), with an output whose counts come from the methadone CSV of docs/examples/data and an outcome
// with a story; the states in between (a field refusing an entry, a pasted block refused, the CSV mapping,
// the counts editor, the story form, an opened explanation); the Backups, Method and About dialogs; the locked
// screen for data from a newer version; and the screen for a project that does not exist. No serious or
// critical violation is allowed; moderate and minor ones are printed for review.
//
// Then the keyboard: from the top of a project, Tab reaches the skip link, the side navigation's links and the
// first field, each with a visible focus outline, and the skip link moves focus to the stage without leaving it.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo-root';
import { e2eUnavailable, launchBrowser, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const W2 = join(repoRoot(), 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_NAME = 'Street outreach and naloxone (METHOD.md W2)';
const W2_ID = 'w2-street-outreach';
const METHADONE = join(repoRoot(), 'docs', 'examples', 'data', 'street-unit-methadone-clients-2012.csv');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * A page like the harness's, but with the Content Security Policy bypassed, so that axe-core can be added as a
 * script tag (the app's policy forbids inline scripts, rightly; the audit is not part of the app).
 */
async function newAuditPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/**
 * Run axe-core over the whole document. A serious or critical violation of a WCAG A/AA rule fails the test;
 * moderate and minor ones, and whatever axe-core's best-practice rules find, are printed for review.
 */
async function audit(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const { violations, rulesPassed } = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: [...tags, 'best-practice'] },
      resultTypes: ['violations'],
    })) as { violations: Array<Violation & { tags: string[] }>; passes: unknown[] };
    return {
      rulesPassed: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        wcag: v.tags.some((tag) => tags.includes(tag)),
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })),
    };
  }, TAGS);
  // axe-core did run its rules over this screen (a page it could not read would pass them all vacuously)
  expect(rulesPassed, `axe-core rules passed on ${screen}`).toBeGreaterThan(10);
  const line = (v: Violation) =>
    `${v.id} (${v.impact}): ${v.help} at ${v.nodes
      .slice(0, 5)
      .map((n) => n.target.join(' '))
      .join(', ')}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ''}`;
  const blocking = violations.filter((v) => v.wcag && (v.impact === 'serious' || v.impact === 'critical'));
  for (const v of violations.filter((v) => !blocking.includes(v))) {
    console.log(`[axe] ${screen}: ${v.wcag ? '' : 'best practice, '}${line(v)}`);
  }
  expect(
    blocking.map((v) => `${line(v)}\n    ${v.nodes[0]?.failureSummary ?? ''}`),
    `serious or critical axe-core violations on ${screen}`,
  ).toEqual([]);
}

describe.skipIf(skip !== null)(`accessibility of every screen${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newAuditPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  const origin = () => new URL(app.url).origin;
  const stage = (section: string) => `${origin()}/#/projects/${W2_ID}/${section}`;
  const nav = () => page.getByRole('navigation', { name: 'Stages of the analysis' });

  async function open(section: string, heading: string) {
    await nav()
      .getByRole('link', { name: new RegExp(heading) })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).isVisible()).toBe(true);
    expect(page.url()).toBe(stage(section));
  }

  async function openDialog(button: string, title: string) {
    await page.locator('.app-footer').getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: title });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    return dialog;
  }

  it('projects home, empty', async () => {
    await page.goto(app.url);
    await expect.poll(() => page.getByText('No projects yet.').isVisible()).toBe(true);
    await audit(page, 'projects home (empty)');
  });

  it('projects home, with projects (W2 imported, and a project created)', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    await expect.poll(() => page.getByRole('link', { name: W2_NAME }).isVisible()).toBe(true);
    await page.getByLabel('Project name').fill('Drop-in centre 2025');
    await page.getByLabel('Organisation').fill('Harm-reduction foundation');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope', level: 1 }).isVisible()).toBe(true);
    await page.goto(app.url);
    await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(2);
    await audit(page, 'projects home (two projects)');
  });

  it('projects home, a new project without a name refused', async () => {
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.locator('#new-name-error').isVisible()).toBe(true);
    await audit(page, 'projects home (name missing)');
  });

  it('stage 1, scope', async () => {
    await page.getByRole('link', { name: W2_NAME }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    await audit(page, 'scope');
  });

  it('stage 2, stakeholders', async () => {
    await open('stakeholders', 'Stakeholders');
    expect(await page.getByRole('article').count()).toBe(5);
    await audit(page, 'stakeholders');
  });

  it('stage 3, inputs and budget (grid and totals), and a pasted block refused', async () => {
    await open('inputs', 'Inputs and budget');
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('106,250.00 EUR');
    await audit(page, 'inputs and budget');

    const grid = page.getByRole('grid', { name: 'Cost lines' });
    await grid.locator('tr[data-line="4"] [data-field="description"]').click();
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, 'Printing\tMunicipality\tCash\tSupplies\t\t1\t1.200,00');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Nothing was pasted' }).isVisible()).toBe(true);
    await audit(page, 'inputs and budget (pasted block refused)');
  });

  it('stage 4, outputs, with the 2012 methadone clients imported from CSV', async () => {
    await open('outputs', 'Outputs');
    await audit(page, 'outputs (none yet)');

    await page.getByLabel('New output').fill('Clients on methadone');
    await page.getByRole('button', { name: 'Add output' }).click();
    const card = page.getByRole('article', { name: 'Clients on methadone' });
    await expect.poll(() => card.isVisible()).toBe(true);
    const unit = card.getByLabel('Unit', { exact: true });
    await unit.fill('people');
    await unit.blur();
    await card.getByLabel('Stakeholder group').selectOption({ label: 'People who use drugs' });

    const chooser = page.waitForEvent('filechooser');
    await card.getByRole('button', { name: /Import from CSV/ }).click();
    await (await chooser).setFiles(METHADONE);
    const panel = card.getByRole('region', { name: /^Import street-unit-methadone-clients-2012\.csv/ });
    await expect.poll(() => panel.isVisible()).toBe(true);
    await audit(page, 'outputs (CSV import mapping)');

    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('year-total-2012').textContent()).toBe('7,994');
    await audit(page, 'outputs (12 months imported)');

    await card.getByRole('button', { name: 'Edit the counts' }).click();
    await expect
      .poll(() => card.getByRole('table', { name: 'Edit the counts of Clients on methadone' }).isVisible())
      .toBe(true);
    await audit(page, 'outputs (editing the counts)');
    await card.getByRole('button', { name: 'Cancel' }).click();
  });

  it('stage 5, impact map, with a story added, a refused entry and an explanation open', async () => {
    await open('outcomes', 'Impact map');
    const card = page.getByRole('article', { name: 'Overdose deaths averted' });
    await card.getByRole('button', { name: 'Add a story' }).click();
    await audit(page, 'impact map (story form)');

    await card.getByLabel('The quote').fill('The naloxone kit in my bag saved my friend on a Sunday night.');
    await card.getByLabel('The person agreed to this story being used in reports').check();
    await card.getByRole('button', { name: 'Add story', exact: true }).click();
    await expect.poll(() => card.getByRole('article', { name: 'Quote' }).isVisible()).toBe(true);
    await audit(page, 'impact map (with a story)');

    const deadweight = card.getByLabel('Deadweight', { exact: true });
    await deadweight.fill('120');
    await deadweight.blur();
    await expect.poll(() => card.getByRole('alert').textContent()).toBe('Deadweight must be at most 100.');
    await card
      .getByRole('button', { name: /How was this obtained\? .*Impact/ })
      .first()
      .click();
    await audit(page, 'impact map (refused entry, explanation open)');
    await page.reload();
  });

  it('stage 6, results with the charts', async () => {
    await open('results', 'Results');
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    await expect.poll(() => page.getByRole('region', { name: 'Charts' }).getByRole('figure').count()).toBe(6);
    await page.getByRole('button', { name: /How was this obtained\? SROI ratio/ }).click();
    await audit(page, 'results');
  });

  it('the Backups, Method and About dialogs', async () => {
    const backups = await openDialog('Backups', 'Backups');
    await backups.getByRole('button', { name: 'Make a backup now' }).click();
    await expect.poll(() => backups.getByRole('status').textContent()).toContain('Backup made.');
    await expect.poll(() => backups.getByRole('button', { name: 'Restore' }).count()).toBeGreaterThan(0);
    await audit(page, 'backups dialog');
    await backups.getByRole('button', { name: 'Close' }).click();

    await openDialog('How SROI Studio calculates', 'How SROI Studio calculates');
    await audit(page, 'method dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await openDialog('About SROI Studio', 'About SROI Studio');
    await audit(page, 'about dialog');
    await page.keyboard.press('Escape');
  });

  it('a project that does not exist', async () => {
    await page.goto(`${origin()}/#/projects/no-such-project/scope`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'This project cannot be opened' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('link', { name: 'Back to your projects' }).isVisible()).toBe(true);
    await audit(page, 'project not found');
  });

  it('every other stage of the side navigation (stages added after the six above)', async () => {
    const known = ['scope', 'stakeholders', 'inputs', 'outputs', 'outcomes', 'results'];
    await page.goto(stage('scope'));
    await expect.poll(() => nav().isVisible()).toBe(true);
    const hrefs = await nav()
      .locator('ol a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.slice(0, 6)).toEqual(known.map((k) => `#/projects/${W2_ID}/${k}`));
    for (const href of hrefs.slice(6)) {
      const section = href.split('/').pop() ?? href;
      await page.goto(`${origin()}/${href}`);
      await expect.poll(() => page.locator('main h1').first().isVisible()).toBe(true);
      await audit(page, `stage ${section}`);
      console.log(`[axe] audited the further stage "${section}"`);
    }
  });

  it('keyboard: Tab from the top reaches the skip link, the side navigation and the first field, each with a visible outline', async () => {
    await page.goto(stage('scope'));
    await page.reload(); // a fresh load: focus starts at the top of the document
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    // What the side navigation offers, in order: "All projects", one link per stage, the enabled buttons.
    const navStops = await nav()
      .locator('a, button:not([disabled])')
      .evaluateAll((els) =>
        els.map((el) =>
          Array.from(el.childNodes)
            .map((n) => n.textContent?.trim())
            .filter(Boolean)
            .join(' '),
        ),
      );
    expect(navStops.slice(0, 7)).toEqual([
      '← All projects',
      '1 Scope done',
      '2 Stakeholders done',
      '3 Inputs and budget done',
      '4 Outputs done',
      '5 Impact map done',
      '6 Results done',
    ]);
    expect(navStops).toContain('Export project file');
    const expected = ['Skip to content', ...navStops, 'Project name', 'Organisation'];

    const stops: Array<{ name: string; inNav: boolean; outline: string; visible: boolean }> = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null;
          return {
            name:
              label ??
              Array.from(el.childNodes)
                .map((n) => n.textContent?.trim())
                .filter(Boolean)
                .join(' '),
            inNav: el.closest('nav') !== null,
            outline: `${style.outlineStyle} ${style.outlineWidth}`,
            visible: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0,
          };
        }),
      );
    }
    expect(stops.map((s) => s.name)).toEqual(expected);
    for (const s of stops) {
      expect(s.outline, `focus outline of "${s.name}"`).toBe('solid 3px');
      expect(s.visible, `"${s.name}" is on screen when focused`).toBe(true);
    }
    expect(stops.slice(1, 1 + navStops.length).every((s) => s.inNav)).toBe(true);
    expect(stops.at(-2)?.inNav).toBe(false);
    await screenshot(page, 'accessibility-keyboard-first-field');

    // The skip link moves focus to the stage and stays on the project (its "#main" is not a route).
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.getByRole('heading', { level: 1, name: 'Scope' }).isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#/projects/${W2_ID}/scope`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(W2_NAME);
  });
});

describe.skipIf(skip !== null)(`accessibility of the locked screen${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('data saved by a newer SROI Studio', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sroi-e2e-a11y-future-'));
    const db = new Database(join(dataDir, 'sroi-studio.sqlite'));
    db.exec("CREATE TABLE kept (note TEXT); INSERT INTO kept VALUES ('from the future');");
    db.pragma('user_version = 999');
    db.close();
    const app = await startApp({ dataDir });
    const browser = await launchBrowser();
    try {
      const page = await newAuditPage(browser);
      await page.goto(app.url);
      await expect
        .poll(() => page.getByRole('heading', { name: 'This data was saved by a newer SROI Studio' }).isVisible())
        .toBe(true);
      await audit(page, 'locked screen (newer version)');
    } finally {
      await browser.close();
      await app.stop();
      removeDir(dataDir);
    }
  });
});
