/**
 * The languages of the interface and the report. One list for the renderer (renderer/src/i18n), the command
 * line (`sroi report --language`) and the report payload.
 */
export const SUPPORTED_LANGUAGES = ['en', 'es', 'pt', 'it', 'fr'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** Each language's own name, as its speakers write it (never translated, so anyone can find theirs). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  pt: 'Português',
  it: 'Italiano',
  fr: 'Français',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** The language of a locale tag if supported ("pt-PT" -> "pt", "fr_CA" -> "fr"), else null. */
export function languageOfLocale(tag: string): Language | null {
  const short = tag.trim().slice(0, 2).toLowerCase();
  return isLanguage(short) ? short : null;
}

/**
 * The locale whose plural rules a language follows. The app's Portuguese is European Portuguese, where zero
 * takes the plural ("0 anos"); Intl's plain "pt" follows Brazil, where it takes the singular ("0 ano").
 */
export function pluralLocale(language: string): string {
  return language === 'pt' ? 'pt-PT' : language;
}
