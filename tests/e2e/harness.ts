/**
 * End-to-end harness: the real app in browser mode (the same dispatcher and store as the desktop app) driven
 * in Debian's Chromium by playwright-core. Each test gets a fresh data folder; screenshots are kept in
 * test-results/screenshots for review.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from '../support/repo-root';

export const CHROMIUM = process.env.SROI_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ROOT = repoRoot();
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Why end-to-end tests cannot run here, or null when they can. */
export function e2eUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (
    !existsSync(join(ROOT, 'dist', 'node', 'serve.cjs')) ||
    !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))
  ) {
    return 'the app is not built (npm run build)';
  }
  return null;
}

export interface RunningApp {
  url: string;
  dataDir: string;
  dataFile: string;
  server: ChildProcess;
  stop(): Promise<void>;
}

/** Start browser mode on a fresh (or given) data folder and wait for its address. */
export async function startApp(options: { dataDir?: string } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sroi-e2e-'));
  const dataFile = join(dataDir, 'sroi-studio.sqlite');
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'node', 'serve.cjs'), '--port', '0'], {
    env: { ...process.env, SROI_DATA_FILE: dataFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    dataFile,
    server,
    stop: () =>
      new Promise<void>((done) => {
        if (server.exitCode !== null) return done();
        server.once('exit', () => done());
        server.kill('SIGTERM');
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
