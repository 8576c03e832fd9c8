// Interface figures: the initial JavaScript the browser must download and parse (target under 500 KB gzipped)
// and the time from navigation to an interactive projects screen in Chromium (target under 1.5 s).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo-root';
import { gzipSync } from 'node:zlib';
import { launchBrowser, removeDir, startApp } from '../e2e/harness';
import { median, report } from './measure';

const root = repoRoot();
const rendererDir = join(root, 'dist', 'renderer');

/** Scripts the entry page loads before anything is interactive: its module script and modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(refs)];
}

async function main(): Promise<void> {
  const initial = initialScripts();
  const gzipped = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(rendererDir, file))).length, 0);
  const allJs = readdirSync(join(rendererDir, 'assets')).filter((f) => f.endsWith('.js'));
  const allGzipped = allJs.reduce((sum, f) => sum + gzipSync(readFileSync(join(rendererDir, 'assets', f))).length, 0);
  report(`ui: initial JavaScript, gzipped (${initial.length} file(s))`, gzipped / 1024, 'KB', 500);
  report(`ui: all JavaScript, gzipped (${allJs.length} file(s))`, allGzipped / 1024, 'KB');

  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    // The first load also stores the session key; later loads measure a warm server and a cold page.
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      const start = performance.now();
      await page.goto(app.url);
      await page.getByRole('button', { name: 'Create project' }).waitFor({ state: 'visible' });
      await page.getByRole('heading', { name: 'Your projects' }).waitFor();
      times.push(performance.now() - start);
      await page.close();
    }
    report('ui: navigation to an interactive projects screen (median of 7)', median(times), 'ms', 1500);
  } finally {
    await browser.close();
    await app.stop();
    removeDir(app.dataDir);
  }
}

void main();
