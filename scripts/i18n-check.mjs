#!/usr/bin/env node
/**
 * Compare a language's catalogues with the English ones: `node scripts/i18n-check.mjs pt` lists the keys that
 * are missing or extra, the placeholders ({{name}}) and tags (<1>…</1>) that differ, and the plural forms the
 * language needs but lacks. It exits 1 when anything is wrong, so it can be run while translating; the test
 * tests/components/i18n-catalogues.test.ts makes the same checks for every language.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'renderer', 'src', 'i18n');
/** The engine's sentences (explanations, warnings, verdicts): one file per language, root key "engine". */
const engineRoot = join(import.meta.dirname, '..', 'shared', 'i18n', 'engine');

/** Every catalogue of a language merged: <lang>.json, <lang>/*.json and the engine's <lang>.json. */
export function loadLanguage(language) {
  const merged = {};
  const core = join(root, `${language}.json`);
  if (existsSync(core)) Object.assign(merged, JSON.parse(readFileSync(core, 'utf8')));
  const folder = join(root, language);
  if (existsSync(folder)) {
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      Object.assign(merged, JSON.parse(readFileSync(join(folder, name), 'utf8')));
    }
  }
  const engine = join(engineRoot, `${language}.json`);
  if (existsSync(engine)) Object.assign(merged, JSON.parse(readFileSync(engine, 'utf8')));
  return merged;
}

function flatten(node, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const tokens = (text) => [...text.matchAll(/\{\{\s*[\w.]+\s*\}\}|<\/?\d+>|\$t\([^)]*\)/g)].map((m) => m[0]).sort();

export function compare(language) {
  const english = flatten(loadLanguage('en'));
  const other = flatten(loadLanguage(language));
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const problems = [];
  const expected = new Set();
  for (const [key, text] of english) {
    const plural = PLURAL.exec(key);
    if (plural) {
      const base = key.slice(0, plural.index);
      for (const category of categories) expected.add(`${base}_${category}`);
      // The English forms carry the placeholders every form must keep ({{count}} may be left out of "one").
      for (const category of categories) {
        const theirs = other.get(`${base}_${category}`);
        if (theirs === undefined) continue;
        const need = tokens(text).filter((t) => !/count/.test(t));
        const have = tokens(theirs).filter((t) => !/count/.test(t));
        if (need.join() !== have.join() && plural[1] === 'other')
          problems.push(`${base}_${category}: placeholders ${have.join(' ')} should be ${need.join(' ')}`);
      }
    } else {
      expected.add(key);
      const theirs = other.get(key);
      if (theirs !== undefined && tokens(text).join() !== tokens(theirs).join())
        problems.push(
          `${key}: placeholders ${tokens(theirs).join(' ') || '(none)'} should be ${tokens(text).join(' ') || '(none)'}`,
        );
    }
  }
  for (const key of expected) if (!other.has(key)) problems.push(`${key}: missing`);
  for (const key of other.keys()) if (!expected.has(key)) problems.push(`${key}: not in English (remove it)`);
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const languages = process.argv.slice(2);
  if (languages.length === 0) {
    console.error('usage: node scripts/i18n-check.mjs LANGUAGE [LANGUAGE ...]   e.g. pt es');
    process.exit(2);
  }
  let failed = false;
  for (const language of languages) {
    const problems = compare(language);
    console.log(`${language}: ${problems.length === 0 ? 'complete' : `${problems.length} problem(s)`}`);
    for (const problem of problems.slice(0, 200)) console.log(`  ${problem}`);
    if (problems.length > 200) console.log(`  … and ${problems.length - 200} more`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
