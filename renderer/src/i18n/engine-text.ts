/**
 * The engine's sentences in the interface's language. The engine writes English and puts a Message beside it
 * (shared/engine/figure.ts); this turns the message into text with i18next, whose bundles hold the engine's
 * catalogues (shared/i18n/engine/<lang>.json, loaded with the interface's own in ./index.ts). Numbers inside a
 * sentence follow the number locale, as every other number on screen. Where there is no message, or its key is
 * not in the catalogues, the engine's English is shown rather than a raw key.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage, type Message } from '../../../shared/i18n/message';
import type { Translate } from '../../../shared/i18n/translate';
import { useLocale } from '../hooks/useLocale';

/** Text of an engine message, or `english` when there is none (or its key is unknown). */
export type EngineText = (message: Message | undefined, english: string) => string;

/** An engine message in the current language, outside React (tests, CSV and chart exports). */
export function engineText(i18n: I18n, t: TFunction, locale: string): EngineText {
  const translate: Translate = (key, values) => t(key, values ?? {});
  return (message, english) => {
    if (message === undefined) return english;
    // A plural key exists only in its forms (key_one, key_other): ask with the count that chooses one.
    const count = message.params?.count;
    if (!i18n.exists(message.key, typeof count === 'number' ? { count } : {})) return english;
    return renderMessage(message, translate, locale);
  };
}

/** The engine's messages in the interface's language: `text(w.text, w.message)`. */
export function useEngineText(): EngineText {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  // Made again when the language changes (t changes with it), so what uses it is drawn again in the new language.
  return useMemo(() => engineText(i18n, t, locale), [i18n, t, locale]);
}

/** One engine sentence as a component, for lists drawn inline: `<EngineMessage text={w.text} english={w.message} />`. */
export function EngineMessage({ text, english }: { text: Message | undefined; english: string }): string {
  return useEngineText()(text, english);
}
