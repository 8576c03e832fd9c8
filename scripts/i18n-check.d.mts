/** Types of scripts/i18n-check.mjs, for the test that runs the same checks (tests/components/i18n-catalogues). */
export function loadLanguage(language: string): Record<string, unknown>;
export function compare(language: string): string[];
