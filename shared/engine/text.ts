/**
 * The engine's English: every sentence it writes is a message of shared/i18n/engine/en.json filled in with the
 * shared translator, so the English fields and the messages the interface translates come from one catalogue.
 * Templates are parsed once per key (shared/i18n/translate.ts), so writing the text of every figure of a large
 * model costs little more than building the strings by hand.
 */
import catalogue from '../i18n/engine/en.json';
import {
  message,
  numberParam,
  renderMessage,
  type Message,
  type MessageParam,
  type MessageParams,
} from '../i18n/message';
import { createTranslator, type Catalogue } from '../i18n/translate';
import type { Dec } from '../money/decimal';

export { message, numberParam };

const translate = createTranslator(catalogue as Catalogue, 'en');

/** The English of the messages made once and used for many figures (see `phrase`). */
const made = new WeakMap<Message, string>();

/** A message in English. */
export function english(text: Message): string {
  return made.get(text) ?? renderMessage(text, translate, 'en');
}

/**
 * A message used again and again (a constant label, "Quantity Q", a formula): its English is written once,
 * here, so each figure that uses it costs a lookup, not a translation. Messages are never changed once made.
 */
export function phrase(key: string, params?: MessageParams): Message {
  const text = message(key, params);
  made.set(text, renderMessage(text, translate, 'en'));
  return text;
}

/** "15,000 EUR" as a message param (a number in the reader's locale, then the code); the number alone without. */
export function moneyParam(value: Dec, currency: string | null | undefined): MessageParam {
  return currency ? message('engine.common.money', { amount: numberParam(value), currency }) : numberParam(value);
}

/** `"Outcome name"` with the quotation marks of the reader's language. */
export function quoted(text: string): Message {
  return message('engine.common.quoted', { text });
}
