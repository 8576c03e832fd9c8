/**
 * Types of scripts/i18n-check.mjs, for the test that runs the same checks (tests/components/i18n-catalogues).
 * A language's catalogues are the interface's (renderer/src/i18n) and the engine's (shared/i18n/engine).
 */
export function loadLanguage(language: string): Record<string, unknown>;
export function compare(language: string): string[];
