// `sroi report` end to end, as an evaluator runs it: the W2 report printed to PDF by Debian's Chromium, turned
// into PNG pages (pdftoppm, kept in test-results/screenshots for review) and checked: the page count, the ratio
// in the text (pdftotext), no empty page, charts drawn as vectors (no images in the PDF), the contents' page
// numbers; the Word file read back (mammoth) with every chosen section; A4 and Letter; and the errors.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/repo-root';
import { ANONYMISED_NAME, NAMED_TEXT, richW2, SECRET_TEXT } from '../report/fixtures';

const ROOT = repoRoot();
const BIN = join(ROOT, 'bin', 'sroi.cjs');
const W2 = join(ROOT, 'docs', 'examples', 'w2-street-outreach.sroi.json');
const CHROMIUM = process.env.SROI_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

function unavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (spawnSync('pdftoppm', ['-v']).error) return 'no pdftoppm (apt-get install -y poppler-utils)';
  if (
    !existsSync(join(ROOT, 'dist', 'renderer', 'report.html')) ||
    !existsSync(join(ROOT, 'dist', 'cli', 'sroi.cjs'))
  ) {
    return 'the app is not built (npm run build)';
  }
  return null;
}
const skip = unavailable();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `sroi ...` in a child process, asynchronously (a report takes seconds; the test runner stays responsive). */
function sroi(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, SROI_DEBUG: '1', LANG: 'en_GB.UTF-8', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tool = (command: string, args: string[]) => {
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
};

function pdfInfo(pdf: string): { pages: number; size: [number, number] } {
  const info = tool('pdfinfo', [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, size: [Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))] };
}

/** The share of pixels that are not white on one page, from a small grey rendering (PGM). */
function inkOnPage(pdf: string, page: number, dir: string): number {
  const base = join(dir, `ink-${page}`);
  tool('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '24', '-gray', '-singlefile', pdf, base]);
  const data = readFileSync(`${base}.pgm`);
  // P5 header: "P5\n<w> <h>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const pixels = data.subarray(header[0].length);
  let ink = 0;
  for (const value of pixels) if (value < 235) ink++;
  return ink / pixels.length;
}

describe.skipIf(skip !== null)(`sroi report${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let tmp = '';
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'sroi-report-cli-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('prints the W2 report to an A4 PDF and a Word file', { timeout: 240_000 }, async () => {
    const pdf = join(tmp, 'w2.pdf');
    const docx = join(tmp, 'w2.docx');
    const run = await sroi(['report', W2, '--pdf', pdf, '--docx', docx, '--date', '2025-06-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { pages, size } = pdfInfo(pdf);
    expect(run.stdout).toContain(`Wrote ${pdf}: ${pages} pages, A4`);
    expect(run.stdout).toMatch(/Wrote .*w2\.docx: 11 sections, 8 charts/);
    expect(size).toEqual([595, 842]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(20);

    // The ratio, in words and as a figure.
    const text = tool('pdftotext', ['-layout', pdf, '-']);
    expect(text).toContain('Every 1 EUR invested creates 1.70 EUR of social value: an SROI ratio of 1.70 : 1.');
    expect(text).toContain('180,737.35 EUR');
    // Page numbers in the footer, and the contents with the pages their sections start on.
    expect(text).toContain(`Page 2 of ${pages}`);
    const cover = tool('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
    expect(cover).toMatch(/1\.\s+Summary[ .]+2\b/);
    const contents = [...cover.matchAll(/(\d+)\.\s+([A-Z][^.\n]*?)\s*[.\s]+(\d+)\s*$/gm)].map((m) => ({
      title: m[2].trim(),
      page: Number(m[3]),
    }));
    expect(contents.map((c) => c.title)).toContain('Methods appendix');
    for (const entry of contents) {
      const onPage = tool('pdftotext', ['-f', String(entry.page), '-l', String(entry.page), pdf, '-']);
      expect(onPage, `"${entry.title}" on page ${entry.page}`).toContain(entry.title);
    }

    // No empty page: every page has text and ink.
    for (let page = 1; page <= pages; page++) {
      const onPage = tool('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']).trim();
      expect(onPage.length, `text on page ${page}`).toBeGreaterThan(40);
      expect(inkOnPage(pdf, page, tmp), `ink on page ${page}`).toBeGreaterThan(0.005);
    }

    // Charts are vector graphics: the PDF holds no raster image at all.
    const images = tool('pdfimages', ['-list', pdf]).trim().split('\n');
    expect(images.length, images.join('\n')).toBe(2); // the two header lines of the list

    // The pages as PNG, kept for review.
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('report-w2-page'))) {
      rmSync(join(SCREENSHOTS, old));
    }
    tool('pdftoppm', ['-r', '60', '-png', pdf, join(SCREENSHOTS, 'report-w2-page')]);
    expect(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('report-w2-page'))).toHaveLength(pages);

    // The Word file, read back: every section a heading, the ratio sentence, the tables.
    const html = (await mammoth.convertToHtml({ path: docx })).value;
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
    for (const title of [
      '1. Summary',
      '2. Scope and stakeholders',
      '3. Theory of change',
      '4. Impact map',
      '5. Adjustments and their reasons',
      '6. Results',
      '7. Sensitivity',
      '8. Cost-effectiveness',
      '9. Stories',
      '10. Methods appendix',
      '11. Sources',
    ]) {
      expect(headings).toContain(title);
    }
    expect(html).toContain('an SROI ratio of 1.70 : 1.');
    expect(html.match(/<img /g)?.length).toBe(8);
  });

  it('prints the chosen sections on Letter paper, stories only with consent', { timeout: 240_000 }, async () => {
    const model = join(tmp, 'rich.sroi.json');
    writeFileSync(model, JSON.stringify({ schemaVersion: 1, project: richW2() }));
    const pdf = join(tmp, 'letter.pdf');
    const docx = join(tmp, 'letter.docx');
    const run = await sroi([
      'report',
      model,
      '--pdf',
      pdf,
      '--docx',
      docx,
      '--paper',
      'letter',
      '--sections',
      'summary,stories,sensitivity',
      '--iterations',
      '2000',
      '--seed',
      '7',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { pages, size } = pdfInfo(pdf);
    expect(size).toEqual([612, 792]);
    const text = tool('pdftotext', [pdf, '-']);
    expect(text).toContain('1. Summary');
    expect(text).toContain('2. Sensitivity');
    expect(text).toContain('3. Stories');
    expect(text).not.toContain('Impact map');
    expect(text).toContain('Monte Carlo simulation');
    expect(text).toContain('seed 7');
    expect(text).toContain(NAMED_TEXT.slice(0, 40));
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(ANONYMISED_NAME);
    for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('report-rich-letter-page'))) {
      rmSync(join(SCREENSHOTS, old));
    }
    tool('pdftoppm', ['-r', '60', '-png', pdf, join(SCREENSHOTS, 'report-rich-letter-page')]);
    expect(pages).toBeGreaterThanOrEqual(3);

    const html = (await mammoth.convertToHtml({ path: docx })).value;
    const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
    expect(headings.filter((h) => /^\d+\. /.test(h))).toEqual(['1. Summary', '2. Sensitivity', '3. Stories']);
    expect(html).not.toContain(SECRET_TEXT);
    expect(html).not.toContain(ANONYMISED_NAME);
  });

  it(
    'prints the report in Portuguese, with Portuguese numbers, from --language or from LANG',
    { timeout: 240_000 },
    async () => {
      const pdf = join(tmp, 'w2-pt.pdf');
      const docx = join(tmp, 'w2-pt.docx');
      // No --language: LANG says Portugal, so the words and the numbers are Portuguese.
      const run = await sroi(['report', W2, '--pdf', pdf, '--docx', docx, '--date', '2025-06-01'], {
        LANG: 'pt_PT.UTF-8',
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const text = tool('pdftotext', ['-layout', pdf, '-']);
      expect(text).toContain('Cada 1 EUR investido cria 1,70 EUR de valor social: um rácio SROI de 1,70 : 1.');
      expect(text).toMatch(/180[.\s\u00a0\u202f]737,35 EUR/);
      expect(text).toContain('Resumo');
      expect(text).not.toContain('Every 1 EUR invested');
      const { pages } = pdfInfo(pdf);
      for (const old of readdirSync(SCREENSHOTS).filter((f) => f.startsWith('report-w2-pt-page'))) {
        rmSync(join(SCREENSHOTS, old));
      }
      tool('pdftoppm', ['-r', '60', '-png', pdf, join(SCREENSHOTS, 'report-w2-pt-page')]);
      expect(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('report-w2-pt-page'))).toHaveLength(pages);
      const html = (await mammoth.convertToHtml({ path: docx })).value;
      const headings = [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));
      expect(headings).toContain('1. Resumo');
      expect(html).toContain('um rácio SROI de 1,70 : 1.');

      // --language wins over LANG: French words, numbers from --locale.
      const french = join(tmp, 'w2-fr.pdf');
      const fr = await sroi(
        ['report', W2, '--pdf', french, '--language', 'fr', '--locale', 'fr-FR', '--sections', 'summary'],
        {
          LANG: 'pt_PT.UTF-8',
        },
      );
      expect(fr.code).toBe(0);
      expect(tool('pdftotext', ['-layout', french, '-'])).toMatch(/1,70\s*:\s*1/);
      expect(tool('pdftotext', ['-layout', french, '-'])).toContain('Synthèse');
    },
  );

  it('refuses a language the app does not speak (exit 2), naming the ones it does', async () => {
    const run = await sroi(['report', W2, '--pdf', join(tmp, 'x.pdf'), '--language', 'de']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--language must be one of en, es, pt, it, fr');
  });

  it('says what to write when no output is named (exit 2)', async () => {
    const run = await sroi(['report', W2]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('say what to write');
  });

  it('refuses an unknown section or paper (exit 2)', async () => {
    const sections = await sroi(['report', W2, '--pdf', join(tmp, 'x.pdf'), '--sections', 'summary,annex']);
    expect(sections.code).toBe(2);
    expect(sections.stderr).toContain('unknown section "annex"');
    const paper = await sroi(['report', W2, '--pdf', join(tmp, 'x.pdf'), '--paper', 'A5']);
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('--paper must be A4 or Letter');
  });

  it('says clearly when there is no Chromium to print with (exit 3)', async () => {
    const run = await sroi(['report', W2, '--pdf', join(tmp, 'x.pdf')], { SROI_CHROMIUM: '/nowhere/chromium' });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no Chromium at /nowhere/chromium');
    expect(run.stderr).toContain('SROI_CHROMIUM');
    expect(existsSync(join(tmp, 'x.pdf'))).toBe(false);
  });

  it('lists the problems of an invalid model and writes nothing (exit 1)', async () => {
    const broken = JSON.parse(readFileSync(W2, 'utf8'));
    broken.project.outcomes[0].deadweight = '1.5';
    const file = join(tmp, 'broken.sroi.json');
    writeFileSync(file, JSON.stringify(broken));
    const run = await sroi(['report', file, '--pdf', join(tmp, 'broken.pdf')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('deadweight');
    expect(existsSync(join(tmp, 'broken.pdf'))).toBe(false);
  });

  it('says when the output folder does not exist (exit 3)', async () => {
    const run = await sroi(['report', W2, '--docx', join(tmp, 'no-such-folder', 'x.docx')]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('does not exist');
  });
});
