/**
 * Packaging configuration: electron-builder.yml is read by electron-builder's own loader and validated against its
 * own JSON schema (app-builder-lib's validateConfiguration, as `electron-builder` does before building), then the
 * promises that matter for users' machines are checked: the targets, the Electron fuses that close
 * ELECTRON_RUN_AS_NODE / NODE_OPTIONS / --inspect and load code only from an integrity-checked ASAR, the unpacked
 * native SQLite module, and that the files shipped are the ones the build writes and main.ts loads.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Configuration, FuseOptionsV1 } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

interface PackageJson {
  main: string;
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  build?: unknown;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** The names of a platform's targets, whatever form the configuration uses (string, object, list). */
function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? (target as unknown[]) : target === undefined || target === null ? [] : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

/** A list of file patterns, whatever form the configuration uses. */
function patterns(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.flatMap((entry) =>
    typeof entry === 'string' ? [entry] : ((entry as { filter?: string[] }).filter ?? []),
  );
}

let config: Configuration;

beforeAll(async () => {
  // Exactly how electron-builder finds and reads its configuration (electron-builder.yml, since package.json has
  // no "build" key).
  config = await getConfig(ROOT, null, null);
});

describe('electron-builder.yml', () => {
  it('is the configuration electron-builder loads (package.json has no competing "build" key)', () => {
    expect(pkg.build).toBeUndefined();
    expect(config.appId).toBe('org.sroistudio.app');
    expect(config.productName).toBe('SROI Studio');
  });

  it("validates against electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validator is real: it rejects a misspelt fuse and an unknown option', async () => {
    const misspelt = {
      ...config,
      electronFuses: { ...config.electronFuses, runAsNod: false },
    } as unknown as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object[\s\S]*electronFuses/,
    );
    const unknown = { ...config, notAnOption: true } as unknown as Configuration;
    await expect(validateConfiguration(unknown, new DebugLogger(false))).rejects.toThrow(/notAnOption/);
  });

  it('builds AppImage and deb on Linux, NSIS on Windows, dmg on macOS', () => {
    expect(targetNames(config.linux?.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('sets the Electron fuses that lock down the packaged app', () => {
    const fuses: FuseOptionsV1 | null | undefined = config.electronFuses;
    expect(fuses).toBeDefined();
    // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node interpreter.
    expect(fuses?.runAsNode).toBe(false);
    expect(fuses?.enableCookieEncryption).toBe(true);
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS and --inspect would let another program inject code.
    expect(fuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses?.enableNodeCliInspectArguments).toBe(false);
    // Code is loaded only from app.asar, whose integrity is checked.
    expect(fuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses?.onlyLoadAppFromAsar).toBe(true);
    // The renderer is served from app://, never file://.
    expect(fuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('packs the app in an ASAR (required by onlyLoadAppFromAsar) and unpacks the native SQLite module', () => {
    expect(config.asar).not.toBe(false);
    const unpacked = patterns(config.asarUnpack);
    expect(unpacked.some((p) => p.includes('better-sqlite3'))).toBe(true);
    expect(unpacked).toContain('**/*.node');
    expect(config.npmRebuild).not.toBe(false);
  });

  it('ships the built main process and renderer, and no source maps', () => {
    const files = patterns(config.files);
    expect(files.some((p) => p.startsWith('dist/electron'))).toBe(true);
    expect(files.some((p) => p.startsWith('dist/renderer'))).toBe(true);
    expect(files).toContain('!**/*.map');
    // Nothing outside the build output (sources, tests, the database) is listed.
    for (const pattern of files.filter((p) => !p.startsWith('!'))) {
      expect(pattern === 'package.json' || pattern.startsWith('dist/'), pattern).toBe(true);
    }
  });
});

describe('package.json and the build agree with the packaging', () => {
  it('main points at the bundled main process, dist/electron/main.cjs', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('the Node build writes main.cjs and preload.cjs where package.json and main.ts expect them', () => {
    const build = readFileSync(join(ROOT, 'scripts', 'build-node.mjs'), 'utf8');
    expect(build).toContain("outfile: 'dist/electron/main.cjs'");
    expect(build).toContain("outfile: 'dist/electron/preload.cjs'");
    const main = readFileSync(join(ROOT, 'electron', 'main', 'main.ts'), 'utf8');
    expect(main).toContain("join(__dirname, 'preload.cjs')");
    // The renderer is found beside dist/electron, at dist/renderer.
    expect(main).toContain("join(__dirname, '..', 'renderer')");
  });

  it('the interface is built to dist/renderer', () => {
    const vite = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    expect(vite).toMatch(/outDir:\s*'\.\.\/dist\/renderer'/);
  });

  it('electron and electron-builder are devDependencies (electron-builder refuses electron in dependencies)', () => {
    expect(pkg.dependencies?.electron).toBeUndefined();
    expect(pkg.devDependencies?.electron).toBeDefined();
    expect(pkg.dependencies?.['electron-builder']).toBeUndefined();
    expect(pkg.devDependencies?.['electron-builder']).toBeDefined();
  });

  it('better-sqlite3 is a production dependency (so electron-builder ships and rebuilds it)', () => {
    expect(pkg.dependencies?.['better-sqlite3']).toBeDefined();
  });
});
