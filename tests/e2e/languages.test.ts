// Every screen in each of the five languages, with the W2 project: the language follows the system (the
// browser's locale), every stage and the footer's dialogs render without a raw text key, numbers follow the
// language ("1,70 : 1" in Portuguese), and no sentence of the interface stays in English when the interface is
// not (a hard-coded string would). Screenshots of every screen in Portuguese and English are kept for review in
// test-results/screenshots/lang-<language>-<screen>.png. Then the language is switched in the footer and the
// choice survives a reload.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTIONS } from '../../renderer/src/app/router';
import { repoRoot } from '../support/repo-root';
import { e2eUnavailable, launchBrowser, removeDir, SCREENSHOTS, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();
const ROOT = repoRoot();
const W2 = join(ROOT, 'docs', 'examples', 'w2-street-outreach.sroi.json');
const W2_ID = 'w2-street-outreach';
const LOCALES = { en: 'en-GB', pt: 'pt-PT', es: 'es-ES', it: 'it-IT', fr: 'fr-FR' } as const;
type Language = keyof typeof LOCALES;
const KEPT = new Set<Language>(['en', 'pt']);

/** A text key shown raw: one of the catalogue's top-level names, a dot, and more of the key. */
const I18N = join(ROOT, 'renderer', 'src', 'i18n');
const topLevelKeys = [
  ...Object.keys(JSON.parse(readFileSync(join(I18N, 'en.json'), 'utf8')) as object),
  ...readdirSync(join(I18N, 'en')).flatMap((f) => Object.keys(JSON.parse(readFileSync(join(I18N, 'en', f), 'utf8')))),
];
const RAW_KEY = new RegExp(
  `(?<![\\w.-])(?:${topLevelKeys.join('|')}|engine)\\.[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*`,
);

/**
 * The project's own data (names, notes, sources): the same in every language, and rightly so. Every text of the
 * W2 file, longest first, is taken out of a line before the line is judged.
 */
const W2_TEXTS = (() => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string' && /[A-Za-z]{3,}/.test(node)) out.push(node);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  };
  walk(JSON.parse(readFileSync(W2, 'utf8')));
  // The shipped willingness-to-pay thresholds are cited data, quoted as their sources write them.
  walk(JSON.parse(readFileSync(join(ROOT, 'renderer', 'src', 'ce', 'thresholds.json'), 'utf8')));
  return [...new Set(out)].sort((a, b) => b.length - a.length);
})();
const withoutData = (line: string) => W2_TEXTS.reduce((rest, text) => rest.split(text).join(' '), line);
/** Two words or more (three letters or more each, accents included): a phrase, not a code or a symbol. */
const PHRASE = /\p{L}{3,}[^\p{L}\d]+\p{L}{3,}/u;
/** Names that are the same in every language, and file paths (the data file in the About dialog). */
const SAME_EVERYWHERE = /^(SROI Studio\b|Monte Carlo$|\/|[A-Z]:\\)/;

async function visibleLines(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  // Table rows come as cells joined by tabs: judge each cell on its own.
  return text
    .split(/[\n\t]/)
    .map((l) => l.trim())
    .filter(Boolean);
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

describe.skipIf(skip !== null)(`the app in five languages${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** The English lines of each screen, to find English left in the other languages. */
  const englishLines = new Map<string, Set<string>>();
  const headings = new Map<string, string>();

  async function pageIn(language: Language): Promise<Page> {
    const context = await browser.newContext({ locale: LOCALES[language], viewport: { width: 1280, height: 860 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(app.url);
    // The first screen is drawn once the start language is loaded.
    await page.locator('main, .app').first().waitFor();
    return page;
  }

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const page = await pageIn('en');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import a project file…' }).click();
    await (await chooser).setFiles(W2);
    await page.locator('table.projects tbody tr').first().waitFor();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  async function check(page: Page, language: Language, screen: string): Promise<void> {
    await settle(page);
    const lines = await visibleLines(page);
    const raw = lines.filter((l) => RAW_KEY.test(l));
    expect(raw, `${language} ${screen}: raw text keys`).toEqual([]);
    if (language === 'en') {
      englishLines.set(screen, new Set(lines));
    } else {
      // A sentence of the English screen, unchanged here, that is not the project's own data: hard-coded text.
      const english = englishLines.get(screen) ?? new Set<string>();
      const leftInEnglish = lines.filter(
        (l) => english.has(l) && PHRASE.test(withoutData(l)) && !SAME_EVERYWHERE.test(l),
      );
      expect(leftInEnglish, `${language} ${screen}: English left on screen`).toEqual([]);
    }
    if (KEPT.has(language)) {
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: join(SCREENSHOTS, `lang-${language}-${screen}.png`),
        fullPage: true,
        animations: 'disabled',
      });
    }
  }

  for (const language of Object.keys(LOCALES) as Language[]) {
    it(`every screen in ${language} (${LOCALES[language]})`, { timeout: 300_000 }, async () => {
      const page = await pageIn(language);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect.poll(() => page.locator('table.projects tbody tr').count()).toBe(1);
      await check(page, language, 'home');

      const origin = new URL(app.url).origin;
      const stageHeadings: string[] = [];
      for (const section of SECTIONS) {
        await page.goto(`${origin}/#/projects/${W2_ID}/${section}`);
        const h1 = page.locator('main h1').first();
        await expect.poll(() => h1.isVisible()).toBe(true);
        if (section === 'results') {
          const ratio = language === 'en' ? '1.70 : 1' : '1,70 : 1';
          await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe(ratio);
        }
        if (section === 'report')
          await expect.poll(() => page.locator('.report-view, article').count()).toBeGreaterThan(0);
        await page.waitForTimeout(150); // charts and lazy panels draw
        stageHeadings.push((await h1.textContent()) ?? '');
        await check(page, language, section);
      }
      headings.set(language, stageHeadings.join(' | '));

      // The footer's dialogs, opened by position (their names are in the language being checked).
      const footer = page.locator('.app-footer button');
      for (const [index, name] of ['backups', 'method', 'about'].entries()) {
        await footer.nth(index).click();
        await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
        await check(page, language, `dialog-${name}`);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      }
      await page.close();
    });
  }

  it('the stage headings differ from English in every other language', () => {
    const english = headings.get('en')?.split(' | ') ?? [];
    expect(english).toHaveLength(SECTIONS.length);
    for (const language of ['pt', 'es', 'it', 'fr'] as const) {
      const theirs = headings.get(language)?.split(' | ') ?? [];
      const translated = theirs.filter((h, i) => h !== english[i]).length;
      expect(translated, `${language}: ${theirs.join(' | ')}`).toBeGreaterThanOrEqual(SECTIONS.length - 2);
    }
  });

  it('switches the language in the footer, and the choice survives a reload', { timeout: 60_000 }, async () => {
    const page = await pageIn('en');
    await page.goto(`${new URL(app.url).origin}/#/projects/${W2_ID}/results`);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    await page.getByTestId('language-picker').selectOption('pt');
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Resultados');
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1,70 : 1');
    await page.reload();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Resultados');
    expect(await page.getByTestId('language-picker').inputValue()).toBe('pt');
    // Back to the system's language (English here).
    await page.getByTestId('language-picker').selectOption('system');
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    await page.reload();
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Results');
  });
});
