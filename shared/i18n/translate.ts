/**
 * A small translator over a catalogue object, with the subset of i18next the catalogues use: dotted keys,
 * {{name}} placeholders, and plural forms chosen by `count` (key_one, key_other, ...). The interface uses
 * i18next itself; this one serves code that runs without it: the engine (its English text comes from
 * shared/i18n/engine/en.json through it), the report builder in tests and tools, the command line.
 *
 * The engine writes an explanation for every figure on every recomputation, so a template is parsed once per
 * key and kept: later calls only join its literal parts and values (no key splitting, no regular expression).
 */
import { pluralLocale } from '../languages';

export type Catalogue = { [key: string]: string | Catalogue };
export type TranslateValues = Record<string, string | number>;
export type Translate = (key: string, values?: TranslateValues) => string;

/**
 * A parsed template: the text itself when it has no placeholder, else the literal parts with the placeholder
 * names between them (`parts[0] name[0] parts[1] name[1] ... parts[n]`) and each placeholder as written.
 */
type Compiled = string | { parts: string[]; names: string[]; written: string[] };

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function compile(template: string): Compiled {
  const parts: string[] = [];
  const names: string[] = [];
  const written: string[] = [];
  let from = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push(template.slice(from, match.index));
    names.push(match[1]);
    written.push(match[0]);
    from = match.index + match[0].length;
  }
  if (names.length === 0) return template;
  parts.push(template.slice(from));
  return { parts, names, written };
}

function fill(compiled: Compiled, values: TranslateValues | undefined): string {
  if (typeof compiled === 'string') return compiled;
  const { parts, names, written } = compiled;
  let out = parts[0];
  for (let i = 0; i < names.length; i++) {
    // A value that is not given leaves the placeholder as written, as i18next does.
    out +=
      (values !== undefined && Object.hasOwn(values, names[i]) ? String(values[names[i]]) : written[i]) + parts[i + 1];
  }
  return out;
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createTranslator(catalogue: Catalogue, language = 'en'): Translate {
  const plural = new Intl.PluralRules(pluralLocale(language));
  // Parsed templates by key (null: no such key). The catalogue is read once per key, so it must not change.
  const cache = new Map<string, Compiled | null>();
  const template = (key: string): Compiled | null => {
    let compiled = cache.get(key);
    if (compiled === undefined) {
      const text = lookup(catalogue, key);
      compiled = text === undefined ? null : compile(text);
      cache.set(key, compiled);
    }
    return compiled;
  };
  return (key, values) => {
    const count = values?.count;
    const compiled =
      (typeof count === 'number' ? template(`${key}_${plural.select(count)}`) : null) ?? template(key) ?? compile(key);
    return fill(compiled, values);
  };
}
