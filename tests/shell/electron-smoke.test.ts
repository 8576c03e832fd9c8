/**
 * A smoke test of the real desktop app: launches `electron .` (package.json "main" = dist/electron/main.cjs) on a
 * temporary data file, waits until the window has loaded app://sroi/index.html, checks from inside the page that
 * the renderer is isolated (no require, no process, a frozen window.sroi) and that a call reaches the backend on
 * SROI_DATA_FILE, then closes the window and expects the app to quit cleanly.
 *
 * It runs only where it can (otherwise it is skipped and its name says why):
 *  - the Electron binary is installed (require('electron') from Node returns its path and the file exists; on these
 *    machines it is not: ELECTRON_SKIP_BINARY_DOWNLOAD);
 *  - the app is built (dist/electron/main.cjs, dist/electron/preload.cjs, dist/renderer/index.html);
 *  - there is a display, or xvfb-run on Linux;
 *  - better-sqlite3 is compiled for Electron's ABI. `npm install` builds it for Node (what every other test
 *    needs), so run this test in its own CI step:
 *      npx electron-builder install-app-deps && npx vitest run tests/shell/electron-smoke.test.ts
 *    (and `npm rebuild better-sqlite3` before running the Node tests again).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;
const QUIT_TIMEOUT_MS = 20_000;

/** The Electron executable, or null when the npm package is installed without its binary. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(join(ROOT, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function onPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Electron refuses to start as root without --no-sandbox (containers, CI runners). */
function needsNoSandbox(): boolean {
  return process.platform === 'linux' && (process.getuid?.() === 0 || process.env.SROI_ELECTRON_NO_SANDBOX === '1');
}

interface Launch {
  command: string;
  prefix: string[];
}

/** How to start Electron with a display: directly, or under xvfb-run on a headless Linux machine. */
function launcher(binary: string): Launch | string {
  const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (!headlessLinux) return { command: binary, prefix: [] };
  const xvfb = onPath('xvfb-run');
  if (!xvfb) return 'no DISPLAY and no xvfb-run (apt-get install -y xvfb)';
  return { command: xvfb, prefix: ['-a', '--server-args=-screen 0 1280x1024x24', binary] };
}

/** Why the smoke test cannot run here, or null when it can. Cheap checks first; Electron is only started last. */
function whySkipped(): string | null {
  const binary = electronBinary();
  if (binary === null) return 'Electron binary not installed, ELECTRON_SKIP_BINARY_DOWNLOAD';
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(ROOT, built))) return `the app is not built: no ${built} (npm run build)`;
  }
  const launch = launcher(binary);
  if (typeof launch === 'string') return launch;
  // Can Electron's own Node load the native SQLite module? (It cannot when it was compiled for plain Node.)
  const probe = spawnSync(binary, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (probe.status !== 0) {
    const detail = /NODE_MODULE_VERSION \d+/.exec(probe.stderr ?? '')?.[0] ?? (probe.stderr ?? '').split('\n')[0];
    return `better-sqlite3 is not built for Electron (${detail}); run npx electron-builder install-app-deps first`;
  }
  return null;
}

const skipReason = whySkipped();

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

interface RunningElectron {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launchElectron(dataFile: string, configHome: string): RunningElectron {
  const binary = electronBinary()!;
  const launch = launcher(binary) as Launch;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SROI_DATA_FILE: dataFile,
    // Electron's userData (and the single-instance lock) go to a temporary folder, not the user's real one.
    XDG_CONFIG_HOME: configHome,
    ELECTRON_ENABLE_LOGGING: '1',
  };
  delete env.ELECTRON_RUN_AS_NODE;
  const args = [
    ...launch.prefix,
    '--remote-debugging-port=0',
    ...(needsNoSandbox() ? ['--no-sandbox'] : []),
    ...(launch.prefix.length > 0 ? ['--disable-gpu'] : []),
    ROOT,
  ];
  // Its own process group, so xvfb-run, Xvfb and Electron can all be stopped by the group's id if needed.
  const child = spawn(launch.command, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function devToolsEndpoint(app: RunningElectron): Promise<string> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const match = /DevTools listening on (ws:\/\/\S+)/.exec(app.output());
    if (match) return match[1];
    if (app.child.exitCode !== null)
      throw new Error(`Electron exited with ${app.child.exitCode} before starting:\n${app.output()}`);
    await delay(100);
  }
  throw new Error(`Electron did not start within ${START_TIMEOUT_MS} ms:\n${app.output()}`);
}

async function appPage(browser: Browser, app: RunningElectron): Promise<Page> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const context of browser.contexts()) {
      for (const page of context.pages()) if (page.url().startsWith('app://sroi/')) return page;
    }
    if (app.child.exitCode !== null) throw new Error(`Electron exited with ${app.child.exitCode}:\n${app.output()}`);
    await delay(200);
  }
  throw new Error(`no window showed app://sroi/ within ${START_TIMEOUT_MS} ms:\n${app.output()}`);
}

/** Stops what this test started, by process-group id (never by name). */
async function stop(app: RunningElectron): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null || app.child.pid === undefined) return;
  const pid = app.child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (process.platform === 'win32') app.child.kill(name);
      else process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const quit = await Promise.race([app.exited.then(() => true), delay(5_000).then(() => false)]);
  if (!quit) signal('SIGKILL');
}

interface PageReport {
  href: string;
  hasSroi: boolean;
  sroiFrozen: boolean;
  requireType: string;
  processType: string;
  info: { ok: boolean; value?: { dataFile: string; version: string; schemaVersion: number } };
  unknown: { ok: boolean; error?: { code: string } };
  rendered: boolean;
}

describe.skipIf(skipReason !== null)(
  `Electron smoke test${skipReason === null ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    it('starts, loads app://sroi/index.html in an isolated window, answers a backend call on SROI_DATA_FILE, and quits', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sroi-electron-'));
      const dataFile = join(dir, 'data', 'sroi-studio.sqlite');
      const app = launchElectron(dataFile, join(dir, 'config'));
      let browser: Browser | null = null;
      try {
        browser = await chromium.connectOverCDP(await devToolsEndpoint(app));
        const page = await appPage(browser, app);
        await page.waitForLoadState('load');
        // The interface has rendered something into #root.
        await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, {
          timeout: START_TIMEOUT_MS,
        });

        const report = await page.evaluate(async (): Promise<PageReport> => {
          const w = window as unknown as {
            sroi?: { invoke(channel: string, input: unknown): Promise<unknown> };
            require?: unknown;
            process?: unknown;
          };
          const sroi = w.sroi;
          return {
            href: location.href,
            hasSroi: sroi !== undefined,
            sroiFrozen: sroi !== undefined && Object.isFrozen(sroi),
            requireType: typeof w.require,
            processType: typeof w.process,
            info: (sroi ? await sroi.invoke('app/info', {}) : { ok: false }) as PageReport['info'],
            unknown: (sroi ? await sroi.invoke('admin/exec', {}) : { ok: false }) as PageReport['unknown'],
            rendered: (document.getElementById('root')?.childElementCount ?? 0) > 0,
          };
        });

        expect(report.href).toBe('app://sroi/index.html');
        expect(report.hasSroi).toBe(true);
        expect(report.sroiFrozen).toBe(true);
        // contextIsolation + sandbox: no Node in the page.
        expect(report.requireType).toBe('undefined');
        expect(report.processType).toBe('undefined');
        expect(report.info.ok).toBe(true);
        expect(report.info.value?.dataFile).toBe(dataFile);
        expect(report.unknown.ok).toBe(false);
        expect(report.unknown.error?.code).toBe('UNKNOWN_CHANNEL');
        expect(report.rendered).toBe(true);

        // Closing the only window quits the app (window-all-closed -> app.quit), checkpointing the database.
        await page.evaluate(() => window.close()).catch(() => undefined);
        const code = await Promise.race([app.exited, delay(QUIT_TIMEOUT_MS).then(() => 'timeout' as const)]);
        expect(code, `the app did not quit after its window closed:\n${app.output()}`).toBe(0);
        expect(readFileSync(dataFile).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
      } finally {
        await browser?.close().catch(() => undefined);
        await stop(app);
        rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      }
    }, 180_000);
  },
);
