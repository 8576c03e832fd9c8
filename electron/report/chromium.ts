/**
 * The report page in Debian's Chromium, driven by playwright-core, for the command line (and the tests and
 * benchmarks that use it): the built renderer is served to the page from memory under a private origin (no
 * port, no network, the app's own Content-Security-Policy), the project arrives as `window.__SROI_REPORT__`
 * before the page's code runs, and the page then prints itself to PDF (Chromium's engine, vector charts,
 * @page rules), hands over its content model for the Word writer, and draws its charts as PNGs.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type * as PlaywrightModule from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { resolveInsideRoot } from '../backend/safe-path';
import { buildContentSecurityPolicy } from '../main/security';
import type { ChartImage } from '../../shared/report/docx-document';
import type { ReportPayload } from '../../shared/report/options';
import { pdfPageCount, printSettings, printWithContentsPages } from '../../shared/report/pdf';
import type { ReportChartId, ReportModel } from '../../shared/report/types';

/** Flags for Debian's Chromium without a display or a sandbox user (the same as the end-to-end tests). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://sroi-report.invalid';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** A failure the user can act on (no Chromium, a page that could not be drawn): its message says what. */
export class ReportRenderError extends Error {
  constructor(
    readonly kind: 'chromium' | 'page',
    message: string,
  ) {
    super(message);
    this.name = 'ReportRenderError';
  }
}

/** The built renderer folder that holds report.html: next to the command line's bundle, or dist/renderer. */
export function findRendererRoot(from: string = __dirname): string | null {
  const candidates = [join(from, '..', 'renderer'), join(from, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'report.html'))) ?? null;
}

/** The Chromium to use: SROI_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.SROI_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
}

type Playwright = typeof PlaywrightModule;

/**
 * The report page's globals as the functions evaluated in it see them (this zone has no DOM types; the casts
 * vanish when the functions are sent to the page, so nothing from this module may be referenced inside them).
 */
interface PageGlobals {
  __SROI_REPORT__?: unknown;
  __sroiReport?: { model: unknown };
  __sroiSetContentsPages?: (pages: unknown) => Promise<void>;
  __sroiChartImages?: () => Promise<unknown[]>;
  document: { documentElement: { dataset: Record<string, string | undefined> } };
}

/**
 * playwright-core is loaded only when a report is made, by a name the bundler does not follow: it drives a
 * browser over a pipe and reads its own files at run time, so it is used from node_modules as installed.
 */
async function loadPlaywright(): Promise<Playwright> {
  const name = 'playwright-core';
  try {
    return (await import(name)) as Playwright;
  } catch {
    throw new ReportRenderError(
      'chromium',
      'the report needs the playwright-core package to drive Chromium (npm install playwright-core)',
    );
  }
}

export interface ReportPage {
  readonly model: ReportModel;
  /** Print to PDF in two passes (the second with the contents' page numbers). */
  pdf(): Promise<{ pdf: Uint8Array; pages: number; contents: Record<string, number> }>;
  chartImages(): Promise<ChartImage[]>;
  close(): Promise<void>;
}

export interface OpenReportOptions {
  chromium: string;
  rendererRoot: string;
  /** Number and date locale, e.g. "en-GB", "pt-PT". */
  locale: string;
  timeoutMs?: number;
}

export async function openReportPage(payload: ReportPayload, options: OpenReportOptions): Promise<ReportPage> {
  if (!existsSync(options.chromium)) {
    throw new ReportRenderError(
      'chromium',
      `no Chromium at ${options.chromium}: install it (Debian: apt-get install chromium) or set SROI_CHROMIUM to its path`,
    );
  }
  const { chromium } = await loadPlaywright();
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ReportRenderError('chromium', `Chromium at ${options.chromium} did not start: ${detail}`);
  }
  try {
    const page = await browser.newPage({ locale: options.locale, viewport: { width: 1000, height: 1400 } });
    const timeout = options.timeoutMs ?? 120_000;
    page.setDefaultTimeout(timeout);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await serveRenderer(page, options.rendererRoot, (path) => {
      if (!path.endsWith('/favicon.ico')) {
        errors.push(`the report page could not load ${path} (is the app being rebuilt? run "npm run build")`);
      }
    });
    await page.addInitScript((value) => {
      (globalThis as unknown as PageGlobals).__SROI_REPORT__ = value;
    }, payload as unknown);
    await page.goto(`${ORIGIN}/report.html`);
    // Wait for the page to say it is ready (or why not), and stop at once on a page error or a missing file.
    const started = Date.now();
    for (;;) {
      const state = await page.evaluate(() => {
        const data = (globalThis as unknown as PageGlobals).document.documentElement.dataset;
        return data.reportReady === 'true' || data.reportError !== undefined;
      });
      if (state || errors.length > 0) break;
      if (Date.now() - started > timeout) {
        throw new ReportRenderError('page', `the report page was not ready after ${timeout / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const failure = await page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.reportError ?? null,
    );
    if (failure !== null || errors.length > 0) {
      throw new ReportRenderError('page', failure ?? errors[0]);
    }
    const model = await page.evaluate(() => (globalThis as unknown as PageGlobals).__sroiReport?.model ?? null);
    if (model === null) throw new ReportRenderError('page', 'the report page did not return its content');
    return reportPage(browser, page, model as ReportModel);
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function reportPage(browser: Browser, page: Page, model: ReportModel): ReportPage {
  return {
    model,
    async pdf() {
      const anchors = model.sections.map((s) => s.anchor);
      const { pdf, pages } = await printWithContentsPages(
        async (final) => new Uint8Array(await page.pdf(printSettings(final))),
        async (found) => {
          await page.evaluate(async (value) => {
            await (globalThis as unknown as PageGlobals).__sroiSetContentsPages?.(value);
          }, found);
        },
        anchors,
      );
      return { pdf, pages: pdfPageCount(pdf), contents: pages };
    },
    async chartImages() {
      const images = await page.evaluate(async () => {
        const draw = (globalThis as unknown as PageGlobals).__sroiChartImages;
        return draw ? await draw() : [];
      });
      return (
        images as Array<{
          chart: ReportChartId;
          title: string;
          description: string;
          base64: string;
          width: number;
          height: number;
        }>
      ).map((image) => ({
        chart: image.chart,
        title: image.title,
        description: image.description,
        png: new Uint8Array(Buffer.from(image.base64, 'base64')),
        width: image.width,
        height: image.height,
      }));
    },
    close: () => browser.close(),
  };
}

/** Answer the page's requests from the built renderer, with the app's security headers; nothing else. */
async function serveRenderer(page: Page, root: string, missing: (path: string) => void): Promise<void> {
  const csp = buildContentSecurityPolicy();
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const file = resolveInsideRoot(url.pathname, root, join, sep);
    if (file === null) {
      missing(url.pathname);
      return route.fulfill({ status: 404, body: 'Not found' });
    }
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': csp,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      missing(url.pathname);
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}
