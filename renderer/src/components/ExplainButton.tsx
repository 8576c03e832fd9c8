/**
 * "How was this obtained?": every figure on screen opens its formula, the inputs it used and their sources,
 * exactly as the engine computed them, in the interface's language (the engine's messages, translated).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { useLocale } from '../hooks/useLocale';
import { useEngineText } from '../i18n/engine-text';

export function ExplainButton({ explanation, currency }: { explanation: Explanation; currency: string }) {
  const { t } = useTranslation();
  const text = useEngineText();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const show = (input: Explanation['inputs'][number]) => {
    const { value, unit } = input;
    if (typeof value === 'string') return text(input.valueText, value);
    // Money to the cent; other inputs (rates, quantities, percentages) as entered, up to 6 decimals.
    const places = unit === currency ? 2 : value.toDecimalPlaces(6).decimalPlaces();
    return formatDecimal(value, places, locale);
  };
  const label = text(explanation.labelText, explanation.label);
  return (
    <span className="explain">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('explain.how')}
        <span className="visually-hidden"> {label}</span>
      </button>
      {open && (
        <span className="explain-panel" id={panelId} role="region" aria-label={label}>
          <strong>{label}</strong>
          <code>{text(explanation.formulaText, explanation.formula)}</code>
          {explanation.unavailable && <em>{text(explanation.unavailableText, explanation.unavailable)}</em>}
          <span className="explain-inputs">
            {explanation.inputs.map((input, i) => (
              <span key={i} className="explain-input">
                <span>{text(input.nameText, input.name)}</span>
                <span className="number">
                  {show(input)} {input.unit === undefined ? '' : text(input.unitText, input.unit)}
                </span>
                {input.source && <span className="source">{t('explain.source', { source: input.source })}</span>}
              </span>
            ))}
          </span>
        </span>
      )}
    </span>
  );
}
