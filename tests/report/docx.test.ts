// The Word writer, read back with a parser (mammoth): every chosen section is a heading, and only those; the
// tables, the charts as images and the stories rules hold in the .docx too; A4 and Letter page sizes.
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { analyseProject } from '../../shared/report/analysis';
import { buildReport } from '../../shared/report/build';
import { bookmarkName, buildDocxDocument, type ChartImage } from '../../shared/report/docx-document';
import { defaultReportOptions, type ReportOptions } from '../../shared/report/options';
import type { Project } from '../../shared/model';
import { ANONYMISED_NAME, englishReportText, NAMED_TEXT, richW2, SECRET_TEXT, w2Project } from './fixtures';

/** A 2 x 2 PNG (red), enough for Word to hold an image. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAFklEQVR4nGP8z8DwnwEJMDGgAEIMAAAj1QH/2BV3lQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

function model(project: Project, changes: Partial<ReportOptions> = {}) {
  const options = { ...defaultReportOptions(), ...changes };
  return buildReport({
    project,
    analysis: analyseProject(project, options),
    options,
    t: englishReportText(),
    locale: 'en-GB',
    date: '2025-06-01',
    appVersion: 'test',
  });
}

async function docx(project: Project, changes: Partial<ReportOptions> = {}, charts: ChartImage[] = []) {
  const m = model(project, changes);
  const buffer = await Packer.toBuffer(buildDocxDocument(m, charts));
  const html = (await mammoth.convertToHtml({ buffer })).value;
  const text = (await mammoth.extractRawText({ buffer })).value;
  return { m, buffer, html, text };
}

const headings = (html: string) => [...html.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) => m[1].replace(/<[^>]*>/g, ''));

describe('the Word report', () => {
  it('has every section as a heading, the ratio sentence and the tables, for W2', async () => {
    const { m, html, text } = await docx(w2Project());
    expect(text).toContain('Every 1 EUR invested creates 1.70 EUR of social value: an SROI ratio of 1.70 : 1.');
    const h1 = headings(html);
    for (const s of m.sections) expect(h1).toContain(`${s.number}. ${s.title}`);
    expect(html).toContain('<table>');
    expect(text).toContain('180,737.35');
    expect(text).toContain('Constructed for METHOD.md');
  });

  it('has only the chosen sections', async () => {
    const { html } = await docx(w2Project(), { sections: ['summary', 'impactMap', 'sources'] });
    expect(headings(html).filter((h) => /^\d+\. /.test(h))).toEqual(['1. Summary', '2. Impact map', '3. Sources']);
    expect(html).not.toContain('Methods appendix');
    expect(html).not.toContain('Sensitivity');
  });

  it('prints stories with consent only, and no name of an anonymised one', async () => {
    const { text } = await docx(richW2());
    expect(text).toContain(NAMED_TEXT);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(ANONYMISED_NAME);
    expect(text).toContain('Name withheld');
  });

  it('puts each chart image under its chart block, with alternative text', async () => {
    const charts: ChartImage[] = [
      {
        chart: 'headline',
        title: 'Social value created',
        description: 'Two columns',
        png: PNG,
        width: 640,
        height: 300,
      },
      { chart: 'results', title: 'Value by outcome', description: 'Bars', png: PNG, width: 640, height: 200 },
      { chart: 'tornado', title: 'What moves the ratio', description: 'Tornado', png: PNG, width: 640, height: 400 },
    ];
    const { html, buffer } = await docx(w2Project(), {}, charts);
    expect(html.match(/<img /g)).toHaveLength(3);
    expect(html).toContain('alt="Two columns"');
    // The same picture three times is stored once.
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.indexOf('descr="Two columns"')).toBeLessThan(xml.indexOf('descr="Bars"'));
    expect(xml.indexOf('descr="Bars"')).toBeLessThan(xml.indexOf('descr="Tornado"'));
  });

  it('uses the chosen paper, and numbers its pages in the footer', async () => {
    const pageSize = async (paper: 'A4' | 'Letter') => {
      const { buffer } = await docx(w2Project(), { paper });
      const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
      const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml);
      const zip = await JSZip.loadAsync(buffer);
      const footers = Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f));
      const footer = await zip.file(footers[0])!.async('string');
      return { size: size ? [Number(size[1]), Number(size[2])] : null, footer };
    };
    const a4 = await pageSize('A4');
    expect(a4.size).toEqual([11906, 16838]);
    expect(a4.footer).toContain('PAGE');
    expect(a4.footer).toContain('NUMPAGES');
    expect((await pageSize('Letter')).size).toEqual([12240, 15840]);
  });

  it('links the contents to the sections', async () => {
    const { buffer, m } = await docx(w2Project());
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    for (const s of m.sections) {
      expect(xml).toContain(`w:anchor="${bookmarkName(s.anchor)}"`);
      expect(xml).toContain(`w:name="${bookmarkName(s.anchor)}"`);
    }
  });
});
