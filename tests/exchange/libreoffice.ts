/**
 * LibreOffice headless for the recalculation tests: converts an .xlsx into a new .xlsx, with LibreOffice set to
 * recalculate every formula when it loads a file (a private profile, so the user's settings are never touched),
 * so that the values in the converted file are LibreOffice's own, not the cached values SROI Studio wrote.
 *
 * Debian package: libreoffice-calc (apt-get install -y libreoffice-calc).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  process.env.SROI_SOFFICE,
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
];

export function sofficePath(): string | null {
  for (const candidate of CANDIDATES) if (candidate && existsSync(candidate)) return candidate;
  return null;
}

/** Why the LibreOffice tests cannot run here, or null when they can. */
export function libreOfficeUnavailable(): string | null {
  return sofficePath() === null
    ? 'LibreOffice is not installed (apt-get install -y libreoffice-calc, or set SROI_SOFFICE)'
    : null;
}

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Recalculates `xlsx` (bytes) in LibreOffice and returns the saved workbook's bytes. */
export function recalculateInLibreOffice(xlsx: Buffer, name = 'workbook.xlsx'): Buffer {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'sroi-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const input = join(dir, name);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(input, xlsx);
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      { encoding: 'utf8', timeout: 240_000, env: { ...process.env, HOME: dir } },
    );
    const converted = join(out, basename(name));
    if (!existsSync(converted)) {
      throw new Error(`LibreOffice did not convert the file (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    return readFileSync(converted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The values stored in an .xlsx for some cells of one sheet, read straight from the sheet's XML (exceljs drops
 * a formula's cached result when it is 0). Numbers as numbers; text results (t="str", or shared strings) as text;
 * a cell with no stored value is missing from the map.
 */
export async function storedValues(
  xlsx: Buffer,
  sheetName: string,
  addresses: string[],
): Promise<Map<string, number | string>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} is not in the workbook`);
    return file.async('string');
  };
  const workbook = await text('xl/workbook.xml');
  const escaped = sheetName.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const sheet = new RegExp(
    `<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`,
  ).exec(workbook);
  if (!sheet) throw new Error(`no sheet "${sheetName}"`);
  const rels = await text('xl/_rels/workbook.xml.rels');
  const target =
    new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!target) throw new Error(`no target for sheet "${sheetName}"`);
  const path = target[1].startsWith('/') ? target[1].slice(1) : `xl/${target[1]}`;
  const xml = await text(path);
  const shared = zip.file('xl/sharedStrings.xml')
    ? [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
      )
    : [];
  const values = new Map<string, number | string>();
  for (const address of addresses) {
    const cell = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(xml);
    const body = cell?.[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body);
    if (!cell || !v) continue;
    const type = /t="([^"]+)"/.exec(cell[1])?.[1] ?? 'n';
    values.set(address, type === 's' ? shared[Number(v[1])] : type === 'str' || type === 'e' ? v[1] : Number(v[1]));
  }
  return values;
}
