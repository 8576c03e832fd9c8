/**
 * The locale used to type and show numbers and dates. By default it follows the system ("4,70" in
 * Portugal, "4.70" in the UK), even while the interface text is in another language, because finance staff
 * type numbers the way their spreadsheets do. Once the user picks an interface language, numbers follow
 * that choice. `?numbers=pt-PT` in the address overrides both (for demos and tests).
 */
import { useTranslation } from 'react-i18next';
import { INITIAL_LANGUAGE } from '../i18n';

export function numberLocaleFor(language: string): string {
  const override = /[?&]numbers=([A-Za-z-]{2,10})/.exec(window.location.search)?.[1];
  if (override) return override;
  if (language && language !== INITIAL_LANGUAGE) return language;
  return navigator.language || language || 'en';
}

export function useLocale(): string {
  const { i18n } = useTranslation();
  return numberLocaleFor(i18n.language);
}
