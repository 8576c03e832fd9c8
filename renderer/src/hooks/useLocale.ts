/**
 * The locale used to type and show numbers and dates. By default it follows the system ("4,70" in
 * Portugal, "4.70" in the UK), even while the interface text is in another language, because finance staff
 * type numbers the way their spreadsheets do. Once the user picks an interface language, numbers follow
 * that choice (kept for the next start). `?numbers=pt-PT` in the address overrides both (for demos and tests).
 */
import { useTranslation } from 'react-i18next';
import { chosenLanguage } from '../i18n';

/**
 * The locale for numbers and dates: `?numbers=` if given; the interface language if the user picked one; else
 * the system's full locale ("pt-PT", "de-DE"), which says more than the interface language can.
 */
export function numberLocaleFor(language: string): string {
  const override = /[?&]numbers=([A-Za-z-]{2,10})/.exec(window.location.search)?.[1];
  if (override) return override;
  if (chosenLanguage() !== null && language) return language;
  return navigator.language || language || 'en';
}

export function useLocale(): string {
  const { i18n } = useTranslation();
  return numberLocaleFor(i18n.language);
}
