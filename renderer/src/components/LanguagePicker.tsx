/**
 * The interface language: "Same as this computer" (the default) or one of the five languages, each written in
 * its own language so anyone can find theirs. The choice is kept for the next start; numbers and dates follow
 * it (see hooks/useLocale.ts).
 */
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chosenLanguage,
  followSystemLanguage,
  isLanguage,
  LANGUAGE_NAMES,
  setLanguage,
  SUPPORTED_LANGUAGES,
  systemLanguage,
} from '../i18n';

const SYSTEM = 'system';

export function LanguagePicker() {
  const { t } = useTranslation();
  const [value, setValue] = useState<string>(() => chosenLanguage() ?? SYSTEM);

  const onChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    setValue(next);
    if (next === SYSTEM) void followSystemLanguage();
    else if (isLanguage(next)) void setLanguage(next);
  };

  return (
    <label className="language-picker">
      <span>{t('language.label')}</span>
      <select value={value} onChange={onChange} data-testid="language-picker">
        <option value={SYSTEM}>{t('language.system', { name: LANGUAGE_NAMES[systemLanguage()] })}</option>
        {SUPPORTED_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
