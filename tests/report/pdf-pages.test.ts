// Reading the sections' pages back from a printed PDF (named destinations, page tree) and the two-pass
// printing that writes them into the table of contents; on hand-written PDFs shaped like Chromium's (Skia's).
import { describe, expect, it } from 'vitest';
import { namedDestinationPages, pdfPageCount, printWithContentsPages } from '../../shared/report/pdf';

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

/** A PDF with a two-level page tree (like Skia's for long documents) and a /Dests dictionary. */
function skiaLike(): string {
  return [
    '%PDF-1.4',
    '%\xe2\xe3\xcf\xd3',
    '2 0 obj\n<</Type /Page\n/Parent 30 0 R\n/Contents 3 0 R>>\nendobj',
    '3 0 obj\n<</Filter /FlateDecode\n/Length 12>> stream\nx\x9c endobj-lookalike\nendstream\nendobj',
    '10 0 obj\n<</Type /Page\n/Parent 30 0 R>>\nendobj',
    '13 0 obj\n<</Type /Page\n/Parent 31 0 R>>\nendobj',
    '15 0 obj\n<</Type /Page\n/Parent 31 0 R>>\nendobj',
    '30 0 obj\n<</Type /Pages\n/Parent 19 0 R\n/Count 2\n/Kids [2 0 R 10 0 R]>>\nendobj',
    '31 0 obj\n<</Type /Pages\n/Parent 19 0 R\n/Count 2\n/Kids [13 0 R 15 0 R]>>\nendobj',
    '19 0 obj\n<</Type /Pages\n/Count 4\n/Kids [30 0 R 31 0 R]>>\nendobj',
    '20 0 obj\n<</report-summary [10 0 R /XYZ 6 827.66998 0]\n/report-results [13 0 R /XYZ 6 827 0]\n/report-m#c3#a9thods [15 0 R /XYZ 6 827 0]>>\nendobj',
    '55 0 obj\n<</Type /Catalog\n/Pages 19 0 R\n/Dests 20 0 R\n/Outlines 51 0 R>>\nendobj',
    'trailer\n<</Root 55 0 R>>\n%%EOF',
  ].join('\n');
}

describe('namedDestinationPages', () => {
  it('finds the page of each destination through a nested page tree', () => {
    const pages = namedDestinationPages(bytes(skiaLike()));
    expect(Object.fromEntries(pages)).toEqual({
      'report-summary': 2,
      'report-results': 3,
      'report-m\u00c3\u00a9thods': 4,
    });
    expect(pdfPageCount(bytes(skiaLike()))).toBe(4);
  });

  it('reads a /Dests dictionary written inside the catalog', () => {
    const pdf = [
      '1 0 obj\n<</Type /Page>>\nendobj',
      '4 0 obj\n<</Type /Page>>\nendobj',
      '9 0 obj\n<</Type /Pages\n/Count 2\n/Kids [1 0 R 4 0 R]>>\nendobj',
      '7 0 obj\n<</Type /Catalog\n/Pages 9 0 R\n/Dests <</a [4 0 R /XYZ 0 0 0]>>>>\nendobj',
    ].join('\n');
    expect(Object.fromEntries(namedDestinationPages(bytes(pdf)))).toEqual({ a: 2 });
  });

  it('returns nothing for a PDF without destinations, or for something that is not a PDF', () => {
    expect(namedDestinationPages(bytes('1 0 obj\n<</Type /Catalog\n/Pages 2 0 R>>\nendobj')).size).toBe(0);
    expect(namedDestinationPages(bytes('hello')).size).toBe(0);
    expect(pdfPageCount(bytes('hello'))).toBe(0);
  });
});

describe('printWithContentsPages', () => {
  it('prints, gives the pages found to the page, and prints again', async () => {
    const calls: string[] = [];
    let printed = 0;
    const result = await printWithContentsPages(
      async (final) => {
        printed += 1;
        calls.push(`print ${printed}${final ? ' final' : ' draft'}`);
        return bytes(skiaLike());
      },
      async (pages) => {
        calls.push(`pages ${JSON.stringify(pages)}`);
      },
      ['report-summary', 'report-results', 'report-absent'],
    );
    expect(calls).toEqual(['print 1 draft', 'pages {"report-summary":2,"report-results":3}', 'print 2 final']);
    expect(result.pages).toEqual({ 'report-summary': 2, 'report-results': 3 });
  });

  it('prints the final PDF without page numbers when no section was found', async () => {
    let printed = 0;
    const result = await printWithContentsPages(
      async () => {
        printed += 1;
        return bytes('no destinations');
      },
      async () => {
        throw new Error('not called');
      },
      ['report-summary'],
    );
    expect(printed).toBe(2);
    expect(result.pages).toEqual({});
  });
});
