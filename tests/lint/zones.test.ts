// The zone boundaries of DESIGN.md are enforced by eslint.config.js; these tests prove the rules fire on the
// imports they exist to stop, and stay quiet on the imports each zone is allowed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? 'parse-error');
}

describe('zone boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'a Node module'],
    ["import { app } from 'electron';\nexport const x = app;\n", 'Electron'],
    ["import { useState } from 'react';\nexport const x = useState;\n", 'React'],
    ["import { x } from '../../electron/backend/db';\nexport const y = x;\n", 'backend code'],
  ])('stops shared/ importing %#: %s', async (code) => {
    expect(await ruleIdsFor('shared/engine/zone-probe.ts', code)).toContain('no-restricted-imports');
  });

  it('stops shared/ touching the DOM or process globals', async () => {
    const ids = await ruleIdsFor(
      'shared/engine/zone-probe.ts',
      'export const w = window.location;\nexport const p = process.env;\n',
    );
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('lets shared/ import decimal.js and zod', async () => {
    const code =
      "import { z } from 'zod';\nimport Decimal from 'decimal.js';\nexport const s = z.string();\nexport const d = new Decimal(1);\n";
    expect(await ruleIdsFor('shared/engine/zone-probe.ts', code)).toEqual([]);
  });

  it('stops words typed straight into the interface markup, and lets symbols and catalogue text through', async () => {
    const words = 'export function A() {\n  return <p>Save the project</p>;\n}\n';
    const symbols = 'export const B = ({ r }: { r: string }) => <p>{r} : 1 ±0</p>;\n';
    const catalogue =
      "import { useTranslation } from 'react-i18next';\nexport const C = () => <p>{useTranslation().t('app.name')}</p>;\n";
    expect(await ruleIdsFor('renderer/src/zone-probe.tsx', words)).toContain('i18next/no-literal-string');
    expect(await ruleIdsFor('renderer/src/zone-probe.tsx', symbols)).not.toContain('i18next/no-literal-string');
    expect(await ruleIdsFor('renderer/src/zone-probe.tsx', catalogue)).not.toContain('i18next/no-literal-string');
  });

  it('stops the renderer importing backend code or Electron', async () => {
    const backend = "import { x } from '../electron/backend/db';\nexport const y = x;\n";
    const electron = "import { ipcRenderer } from 'electron';\nexport const y = ipcRenderer;\n";
    expect(await ruleIdsFor('renderer/src/zone-probe.ts', backend)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/src/zone-probe.ts', electron)).toContain('no-restricted-imports');
  });

  it('stops the backend importing Electron, so it runs under plain Node', async () => {
    const code = "import { app } from 'electron';\nexport const y = app;\n";
    expect(await ruleIdsFor('electron/backend/zone-probe.ts', code)).toContain('no-restricted-imports');
  });
});
