/** How SROI Studio calculates: the formulas and conventions of METHOD.md, in plain words. */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';

const FORMULAS = [
  'impact = Q × P × (1 − deadweight) × (1 − displacement) × (1 − attribution)',
  'V(t) = impact × (1 − drop-off)^(k − 1), for 1 ≤ k ≤ duration',
  'PV = Σ V(t) / (1 + r)^t',
  'Investment = Σ I(t) / (1 + r)^(t − 1)',
  'NPV = PV − Investment',
  'SROI ratio = PV / Investment; net SROI ratio = NPV / Investment',
];

export function MethodDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('method.title')} onClose={onClose}>
      <p>{t('method.lead')}</p>
      <ul className="formulas">
        {FORMULAS.map((f) => (
          <li key={f}>
            <code>{f}</code>
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
