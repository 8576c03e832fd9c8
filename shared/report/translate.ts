/**
 * The report's translator is the shared one (shared/i18n/translate.ts), kept here under its old name so the
 * report builder, its tests and tools import it as before.
 */
export { createTranslator } from '../i18n/translate';
