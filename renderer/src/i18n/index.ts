/**
 * Interface text. Every visible string comes from these catalogues (issue "five languages" adds es, pt, it,
 * fr); the locale also decides how numbers are typed and shown.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import core from './en.json';

/**
 * English text: the core catalogue plus one file per area in ./en/ (charts.json, outputs.json, ...), so
 * screens can be worked on side by side without editing the same file. Keys must not repeat across files.
 */
const areas = import.meta.glob<{ default: Record<string, unknown> }>('./en/*.json', { eager: true });
const en: Record<string, unknown> = { ...core };
for (const module of Object.values(areas)) Object.assign(en, module.default);

export const SUPPORTED_LANGUAGES = ['en'] as const;

export function systemLanguage(): string {
  const preferred = typeof navigator !== 'undefined' ? navigator.language : 'en';
  const short = preferred.slice(0, 2).toLowerCase();
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(short) ? short : 'en';
}

/** The language chosen at start from the system; a different language later means the user picked it. */
export const INITIAL_LANGUAGE = systemLanguage();

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: INITIAL_LANGUAGE,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
