// "Save as PDF" in the desktop app, with Electron replaced by a recording fake (the binary cannot run here):
// the shell asks where first (a cancelled dialog prints nothing), then a hidden, sandboxed window without the
// preload loads app://sroi/report.html, receives the project as data, is printed twice (a draft for the
// contents' page numbers, then the tagged final PDF), and is destroyed; the PDF lands where the user chose.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { shellContract } from '../../shared/ipc/shell-contract';
import { defaultReportOptions } from '../../shared/report/options';
import { w2Project } from './fixtures';

const fake = vi.hoisted(() => {
  /** A PDF whose only section destination is on page 2 (the shape Chromium writes). */
  const pdf = (marker: string) =>
    Uint8Array.from(
      Buffer.from(
        [
          `%PDF-1.4 ${marker}`,
          '2 0 obj\n<</Type /Page>>\nendobj',
          '3 0 obj\n<</Type /Page>>\nendobj',
          '9 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R 3 0 R]>>\nendobj',
          '10 0 obj\n<</report-summary [3 0 R /XYZ 0 0 0]>>\nendobj',
          '11 0 obj\n<</Type /Catalog\n/Pages 9 0 R\n/Dests 10 0 R>>\nendobj',
        ].join('\n'),
        'latin1',
      ),
    );
  class FakeWindow {
    static instances: FakeWindow[] = [];
    readonly scripts: string[] = [];
    readonly prints: Array<Record<string, unknown>> = [];
    destroyed = false;
    loaded = '';
    readonly webContents = {
      executeJavaScript: async (code: string) => {
        this.scripts.push(code);
        return code.startsWith('window.__sroiRenderReport(') ? { title: 'W2', anchors: ['report-summary'] } : undefined;
      },
      printToPDF: async (options: Record<string, unknown>) => {
        this.prints.push(options);
        return Buffer.from(pdf(options.generateTaggedPDF ? 'final' : 'draft'));
      },
    };
    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
      FakeWindow.instances.push(this);
    }
    async loadURL(url: string) {
      this.loaded = url;
    }
    destroy() {
      this.destroyed = true;
    }
  }
  return {
    FakeWindow,
    dialog: {
      showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(),
    },
  };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeWindow, dialog: fake.dialog }));

const { createShellHandlers } = await import('../../electron/main/dialogs');

const dir = mkdtempSync(join(tmpdir(), 'sroi-desktop-print-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function input() {
  return shellContract['files/printPdf'].input.parse({
    suggestedName: 'w2-sroi-report.pdf',
    report: { project: w2Project(), options: defaultReportOptions(), language: 'en', date: '2025-06-01' },
  });
}

describe("the shell's files/printPdf", () => {
  beforeEach(() => {
    fake.FakeWindow.instances.length = 0;
    fake.dialog.showSaveDialog.mockReset();
  });

  it('asks where first: a cancelled dialog prints nothing', async () => {
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const answer = await createShellHandlers(() => null)['files/printPdf'](input());
    expect(answer).toEqual({ saved: false, fileName: null, pages: 0 });
    expect(fake.FakeWindow.instances).toHaveLength(0);
  });

  it('prints the report page in a hidden, locked-down window, twice, and saves the final PDF', async () => {
    const target = join(dir, 'chosen.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const answer = await createShellHandlers(() => null)['files/printPdf'](input());
    expect(shellContract['files/printPdf'].output.parse(answer)).toEqual({
      saved: true,
      fileName: 'chosen.pdf',
      pages: 2,
    });

    const [window] = fake.FakeWindow.instances;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(window.loaded).toBe('app://sroi/report.html');
    // The project arrives as JSON data, then the contents get the page found in the draft.
    expect(window.scripts[0]).toMatch(/^window\.__sroiRenderReport\(\{"project":\{"id":"w2-street-outreach"/);
    expect(window.scripts[1]).toBe('window.__sroiSetContentsPages({"report-summary":2})');
    expect(window.prints.map((p) => [p.generateTaggedPDF, p.generateDocumentOutline, p.preferCSSPageSize])).toEqual([
      [false, false, true],
      [true, true, true],
    ]);
    expect(window.destroyed).toBe(true);
    expect(readFileSync(target, 'latin1')).toContain('%PDF-1.4 final');
  });

  it('refuses a file name with a folder, and a report without sections', () => {
    const bad = shellContract['files/printPdf'].input.safeParse({
      suggestedName: '../x.pdf',
      report: { project: w2Project(), options: defaultReportOptions() },
    });
    expect(bad.success).toBe(false);
    const none = shellContract['files/printPdf'].input.safeParse({
      suggestedName: 'x.pdf',
      report: { project: w2Project(), options: { ...defaultReportOptions(), sections: [] } },
    });
    expect(none.success).toBe(false);
  });
});
