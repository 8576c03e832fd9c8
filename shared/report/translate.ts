/**
 * A small translator over a catalogue object, with the subset of i18next the report catalogue uses:
 * dotted keys, {{name}} placeholders, and plural forms chosen by `count` (key_one, key_other, ...). The
 * interface uses i18next itself; this one serves code that runs without it (tests, tools).
 */
import type { Translate } from './types';

type Catalogue = { [key: string]: string | Catalogue };

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: string | Catalogue | undefined = catalogue;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createTranslator(catalogue: Catalogue, language = 'en'): Translate {
  const plural = new Intl.PluralRules(language);
  return (key, values = {}) => {
    const count = values.count;
    const template =
      (typeof count === 'number' ? lookup(catalogue, `${key}_${plural.select(count)}`) : undefined) ??
      lookup(catalogue, key) ??
      key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? String(values[name]) : whole,
    );
  };
}
