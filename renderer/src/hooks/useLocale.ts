/** The locale used to type and show numbers: the interface language (later, a user setting). */
import { useTranslation } from 'react-i18next';

export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language || 'en';
}
