/** How SROI Studio calculates: the formulas and conventions of METHOD.md, in plain words. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

/** The formulas of METHOD.md, in the catalogue so their words are in the reader's language. */
const FORMULAS = ['impact', 'value', 'pv', 'investment', 'npv', 'ratio'] as const;

export function MethodDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('method.title')} onClose={onClose}>
      <p>{t('method.lead')}</p>
      <ul className="formulas">
        {FORMULAS.map((f) => (
          <li key={f}>
            <code>{t(`method.formulas.${f}`)}</code>
          </li>
        ))}
      </ul>
      <p>{t('method.deductions')}</p>
      <p>{t('method.dropOff')}</p>
      <p>{t('method.conventions')}</p>
      <p>{t('method.payback')}</p>
      <p>{t('method.sources')}</p>
    </Dialog>
  );
}
