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
