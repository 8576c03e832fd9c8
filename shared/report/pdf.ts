/**
 * Printing the report to PDF with Chromium's engine, the same way in the desktop app (Electron's printToPDF)
 * and on the command line (Chromium through playwright-core):
 *
 * - the page size, margins, running footer and page numbers are the report's own print CSS (@page rules and
 *   page-margin boxes), so the printer is only asked to honour them (`preferCSSPageSize`);
 * - the table of contents gets its page numbers in two passes. Chromium writes a named destination for every
 *   element a link points to, so after a first print the page of each section's heading is read back from the
 *   PDF's /Dests, written into the contents, and the report printed again. The numbers take no more room than
 *   the blanks they replace, so the pages do not move.
 *
 * Pure: the printer and the page are passed in as functions.
 */

/**
 * What both printers are asked for (Electron's and Playwright's option names differ; each host maps them).
 * The final print has bookmarks from the headings and is tagged (accessible); the first pass, read only for
 * its page numbers, is neither, which halves its cost (tags change no layout, so the pages are the same).
 */
export function printSettings(final: boolean) {
  return { preferCSSPageSize: true, printBackground: true, outline: final, tagged: final } as const;
}

/** The page of each named destination (1-based), read from a PDF that Chromium (Skia) wrote. */
export function namedDestinationPages(pdf: Uint8Array): Map<string, number> {
  const text = latin1(pdf);
  const pages = new Map<string, number>();
  const catalogMatch = /\/Type\s*\/Catalog\b/.exec(text);
  if (!catalogMatch) return pages;
  const catalog = enclosingObject(text, catalogMatch.index);
  if (catalog === null) return pages;

  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog);
  if (!pagesRef) return pages;
  const order = new Map<string, number>();
  collectPages(text, pagesRef[1], order, new Set());

  let dests: string | null = null;
  const destsRef = /\/Dests\s+(\d+)\s+\d+\s+R/.exec(catalog);
  if (destsRef) dests = objectBody(text, destsRef[1]);
  else {
    const inline = /\/Dests\s*<</.exec(catalog);
    if (inline) dests = catalog.slice(inline.index);
  }
  if (dests === null) return pages;
  const entry = /\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g;
  for (let m = entry.exec(dests); m !== null; m = entry.exec(dests)) {
    const page = order.get(m[2]);
    if (page !== undefined) pages.set(decodeName(m[1]), page);
  }
  return pages;
}

/**
 * Print a draft, read the sections' pages, give them to the page, print the final PDF. `setPages` receives a
 * map from anchor (element id) to page number.
 */
export async function printWithContentsPages(
  print: (final: boolean) => Promise<Uint8Array>,
  setPages: (pages: Record<string, number>) => Promise<void>,
  anchors: readonly string[],
): Promise<{ pdf: Uint8Array; pages: Record<string, number> }> {
  const first = await print(false);
  const found = namedDestinationPages(first);
  const pages: Record<string, number> = {};
  for (const anchor of anchors) {
    const page = found.get(anchor);
    if (page !== undefined) pages[anchor] = page;
  }
  // Nothing found (a printer that writes no destinations): the contents stay without numbers.
  if (Object.keys(pages).length === 0) return { pdf: await print(true), pages };
  await setPages(pages);
  return { pdf: await print(true), pages };
}

/** The number of pages of a PDF written by Chromium (its page tree's /Count). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = latin1(pdf);
  const catalogMatch = /\/Type\s*\/Catalog\b/.exec(text);
  const catalog = catalogMatch ? enclosingObject(text, catalogMatch.index) : null;
  const pagesRef = catalog ? /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog) : null;
  const root = pagesRef ? objectBody(text, pagesRef[1]) : null;
  const count = root ? /\/Count\s+(\d+)/.exec(root) : null;
  return count ? Number(count[1]) : 0;
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return out;
}

/** The text of object `n 0 obj ... endobj`, or null. */
function objectBody(text: string, n: string): string | null {
  const start = new RegExp(`(^|[\\r\\n\\s])${n}\\s+0\\s+obj\\b`).exec(text);
  if (!start) return null;
  const from = start.index + start[0].length;
  const end = text.indexOf('endobj', from);
  if (end < 0) return null;
  const body = text.slice(from, end);
  // A stream's bytes are not a dictionary: keep only what comes before them.
  const stream = body.indexOf('stream');
  return stream >= 0 ? body.slice(0, stream) : body;
}

/** The object around position `at`. */
function enclosingObject(text: string, at: number): string | null {
  const start = text.lastIndexOf(' obj', at);
  const end = text.indexOf('endobj', at);
  if (start < 0 || end < 0) return null;
  return text.slice(start, end);
}

function collectPages(text: string, n: string, order: Map<string, number>, seen: Set<string>): void {
  if (seen.has(n)) return;
  seen.add(n);
  const body = objectBody(text, n);
  if (body === null) return;
  if (/\/Type\s*\/Pages\b/.test(body)) {
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    if (!kids) return;
    const ref = /(\d+)\s+\d+\s+R/g;
    for (let m = ref.exec(kids[1]); m !== null; m = ref.exec(kids[1])) collectPages(text, m[1], order, seen);
  } else if (/\/Type\s*\/Page\b/.test(body)) {
    order.set(n, order.size + 1);
  }
}

/** PDF names escape special bytes as #xx. */
function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
