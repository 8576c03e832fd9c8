#!/usr/bin/env node
/**
 * Electron security scan: runs @doyensec/electronegativity over the shell's sources (electron/; the scanner
 * reads .ts but skips bundled .cjs) and fails on any finding not reviewed in docs/security-review.json.
 * The scanner is fetched with npx rather than installed: its old dependencies (commander 2, eslint 7) clash
 * with the project's own when hoisted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;
const out = join(mkdtempSync(join(tmpdir(), 'sroi-scan-')), 'findings.sarif');
const scan = spawnSync(
  'npx',
  ['--yes', '@doyensec/electronegativity@1.10.3', '-i', join(root, 'electron'), '-r', '-e', electronVersion, '-o', out],
  { encoding: 'utf8', cwd: root },
);
let results;
try {
  results = JSON.parse(readFileSync(out, 'utf8')).runs[0].results;
} catch {
  console.error(`The security scanner did not produce a report (exit ${scan.status}):\n${scan.stderr}`);
  process.exit(1);
} finally {
  rmSync(dirname(out), { recursive: true, force: true });
}

const reviewed = JSON.parse(readFileSync(join(root, 'docs', 'security-review.json'), 'utf8')).reviewed;
const isReviewed = (rule, file) => reviewed.some((r) => r.rule === rule && (r.file === '*' || r.file === file));
const fresh = [];
for (const result of results) {
  const location = result.locations?.[0]?.physicalLocation;
  const file = location?.artifactLocation?.uri ?? '';
  const line = location?.region?.startLine ?? 0;
  const text = `${result.ruleId} ${file}:${line}`;
  if (isReviewed(result.ruleId, file)) console.log(`reviewed  ${text}`);
  else fresh.push(`${text}  ${result.message?.text ?? ''}`);
}
if (fresh.length > 0) {
  console.error(`New security findings (fix them, or review them in docs/security-review.json):\n${fresh.join('\n')}`);
  process.exit(1);
}
console.log(`security scan: ${results.length} finding(s), all reviewed (docs/security-review.json).`);
