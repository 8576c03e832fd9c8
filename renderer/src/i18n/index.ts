/**
 * Interface text in five languages. Every visible string comes from these catalogues: `<lang>.json` plus one
 * file per area in `<lang>/` (charts.json, outputs.json, ...), so screens can be worked on side by side without
 * editing the same file. Keys must not repeat across files; tests/components/i18n-catalogues.test.ts checks
 * that every English key exists in every language, with the same placeholders and every plural form.
 *
 * The language follows the system until the user picks one (kept on this computer, in local storage). English
 * is in the first bundle; another language is loaded when it is needed, before the first screen is drawn.
 *
 * The engine's own sentences (explanations, warnings, verdicts) have their catalogues beside the engine, in
 * shared/i18n/engine/<lang>.json under the root key "engine": they are loaded into the same bundles, so
 * renderer/src/i18n/engine-text.ts translates an engine message with the same i18next.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  isLanguage,
  languageOfLocale,
  pluralLocale,
  SUPPORTED_LANGUAGES,
  type Language,
} from '../../../shared/languages';

export { isLanguage, LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from '../../../shared/languages';

type Catalogue = Record<string, unknown>;
type CatalogueModule = { default: Catalogue };

const englishCore = import.meta.glob<CatalogueModule>('./en.json', { eager: true });
const englishAreas = import.meta.glob<CatalogueModule>('./en/*.json', { eager: true });
const otherCores = import.meta.glob<CatalogueModule>(['./*.json', '!./en.json']);
const otherAreas = import.meta.glob<CatalogueModule>(['./*/*.json', '!./en/*.json']);
const englishEngine = import.meta.glob<CatalogueModule>('../../../shared/i18n/engine/en.json', { eager: true });
const otherEngines = import.meta.glob<CatalogueModule>([
  '../../../shared/i18n/engine/*.json',
  '!../../../shared/i18n/engine/en.json',
]);

function merge(modules: CatalogueModule[]): Catalogue {
  const merged: Catalogue = {};
  for (const module of modules) Object.assign(merged, module.default);
  return merged;
}

const english = merge([...Object.values(englishCore), ...Object.values(englishAreas), ...Object.values(englishEngine)]);

/** The system's language if the app speaks it, else English ("pt-BR" -> "pt", "de-DE" -> "en"). */
export function systemLanguage(): Language {
  const preferred = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return languageOfLocale(preferred || 'en') ?? 'en';
}

const STORAGE_KEY = 'sroi.language';

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // a sandboxed page may refuse storage: the language then follows the system
  }
}

/** The language the user picked on this computer, or null when it follows the system. */
export function chosenLanguage(): Language | null {
  const stored = storage()?.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : null;
}

/** The language chosen at start: the user's pick, else the system's. */
export const INITIAL_LANGUAGE: Language = chosenLanguage() ?? systemLanguage();

/** Load a language's catalogues (once) into i18next. */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'en' || i18next.hasResourceBundle(language, 'translation')) return;
  const core = Object.entries(otherCores).filter(([path]) => path === `./${language}.json`);
  const areas = Object.entries(otherAreas).filter(([path]) => path.startsWith(`./${language}/`));
  const engine = Object.entries(otherEngines).filter(([path]) => path.endsWith(`/engine/${language}.json`));
  const modules = await Promise.all([...core, ...areas, ...engine].map(([, load]) => load()));
  i18next.addResourceBundle(language, 'translation', merge(modules), true, true);
}

/** Show the interface in `language` (loading it first); `remember` keeps the choice for the next start. */
export async function setLanguage(language: Language, remember = true): Promise<void> {
  await loadLanguage(language);
  if (remember) storage()?.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Go back to following the system's language. */
export async function followSystemLanguage(): Promise<void> {
  storage()?.removeItem(STORAGE_KEY);
  await setLanguage(systemLanguage(), false);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: english } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * i18next asks Intl for the plural rules of "pt", which are Brazil's; the app's Portuguese is Portugal's, where
 * zero takes the plural ("0 anos"). Its plural resolver is typed `any` by i18next: this is the one method used.
 */
interface PluralResolver {
  getRule(code: string, options?: object): Intl.PluralRules | undefined;
}
const pluralResolver = i18next.services.pluralResolver as PluralResolver;
const defaultRule = pluralResolver.getRule.bind(pluralResolver);
pluralResolver.getRule = (code, options) => defaultRule(pluralLocale(code), options);

/** Resolves when the start language is loaded and active: render the first screen after it. */
export const i18nReady: Promise<void> = setLanguage(INITIAL_LANGUAGE, false);

export default i18next;
