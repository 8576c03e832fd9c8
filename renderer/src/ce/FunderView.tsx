/**
 * The funder view: costs split by funder, what each funder's share bought (outputs, outcomes and value in
 * proportion to their contribution, stated as such), and who pays and who benefits, by party and by sector.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import type { Project } from '../../../shared/model';
import { useLocale } from '../hooks/useLocale';
import {
  amountText,
  bySector,
  funderShares,
  moneyText,
  SECTORS,
  signedMoney,
  suggestSector,
  whoPaysWhoBenefits,
  type PartyRow,
  type Sector,
} from './ce-data';
import type { CeDrafts, DraftUpdate } from './drafts';
import { Unsaved } from './parts';

export function FunderView({
  project,
  result,
  drafts,
  update,
}: {
  project: Project;
  result: SroiResult;
  drafts: CeDrafts;
  update: DraftUpdate;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const na = t('results.na');
  const funders = useMemo(() => funderShares(project, result, t('ce.funders.noFunder')), [project, result, t]);
  const parties = useMemo(() => whoPaysWhoBenefits(project, result), [project, result]);

  /** The user's choice, else a guess from the party's name (shown as a suggestion). */
  const sectorOf = (row: PartyRow): Sector | null => {
    const chosen = drafts.sectors[row.key];
    if (chosen !== undefined) return chosen === '' ? null : chosen;
    return suggestSector(row.label);
  };
  const sectors = bySector(parties, sectorOf);
  const sectorOptions = [
    { value: '', label: t('ce.sectors.unassigned') },
    ...SECTORS.map((s) => ({ value: s, label: t(`ce.sectors.${s}`) })),
  ];
  const percent = (share: { share: ReturnType<typeof funderShares>[number]['share'] }) =>
    share.share === null ? na : `${formatDecimal(share.share.times(100), 1, locale)} %`;

  return (
    <section className="ce-section" aria-labelledby="ce-funders-title">
      <h2 id="ce-funders-title">{t('ce.funders.title')}</h2>
      <p className="lead">{t('ce.funders.lead')}</p>
      {funders.length === 0 ? (
        <p className="empty card">{t('ce.funders.empty')}</p>
      ) : (
        <div className="card">
          <table className="ce-table">
            <caption>{t('ce.funders.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ce.funders.funder')}</th>
                <th scope="col" className="number">
                  {t('ce.funders.cost', { currency })}
                </th>
                <th scope="col" className="number">
                  {t('ce.funders.share')}
                </th>
                <th scope="col" className="number">
                  {t('ce.funders.value', { currency })}
                </th>
                <th scope="col">{t('ce.funders.bought')}</th>
              </tr>
            </thead>
            <tbody>
              {funders.map((f) => (
                <tr key={f.key} data-testid={`funder-${f.key || 'none'}`}>
                  <th scope="row">{f.label}</th>
                  <td className="number">{moneyText(f.presentValue, locale)}</td>
                  <td className="number">{percent(f)}</td>
                  <td className="number">{f.value === null ? na : moneyText(f.value, locale)}</td>
                  <td>
                    <ul className="ce-bought">
                      {f.outcomes.map((o) => (
                        <li key={o.id}>
                          {o.bought === null
                            ? t('ce.funders.outcomeNa', { name: o.name })
                            : t(o.disbenefit ? 'ce.funders.disbenefitLine' : 'ce.funders.outcomeLine', {
                                count: amountText(o.bought, locale, 2),
                                name: o.name,
                              })}
                        </li>
                      ))}
                      {f.outputs.map((o) => (
                        <li key={o.id}>
                          {o.bought === null
                            ? t('ce.funders.outcomeNa', { name: o.name })
                            : t('ce.funders.outputLine', {
                                count: amountText(o.bought, locale, 1),
                                name: o.name,
                                unit: o.unit,
                              })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="help">{t('ce.funders.convention')}</p>
        </div>
      )}

      <div className="card">
        <h3 id="ce-who-title">{t('ce.who.title')}</h3>
        <p className="help">{t('ce.who.lead')}</p>
        <Unsaved />
        {parties.length === 0 ? (
          <p className="empty">{t('ce.who.empty')}</p>
        ) : (
          <>
            <table className="ce-table" aria-labelledby="ce-who-title">
              <thead>
                <tr>
                  <th scope="col">{t('ce.who.party')}</th>
                  <th scope="col">{t('ce.who.sector')}</th>
                  <th scope="col" className="number">
                    {t('ce.who.pays', { currency })}
                  </th>
                  <th scope="col" className="number">
                    {t('ce.who.benefits', { currency })}
                  </th>
                  <th scope="col" className="number">
                    {t('ce.who.net', { currency })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {parties.map((row) => {
                  const chosen = drafts.sectors[row.key];
                  const suggested = chosen === undefined ? suggestSector(row.label) : null;
                  return (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>
                        <select
                          aria-label={t('ce.who.sectorOf', { name: row.label })}
                          value={chosen ?? suggested ?? ''}
                          onChange={(e) => {
                            const value = e.target.value as Sector | '';
                            update((d) => ({ ...d, sectors: { ...d.sectors, [row.key]: value } }));
                          }}
                        >
                          {sectorOptions.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        {suggested && <span className="ce-suggested">{t('ce.who.suggested')}</span>}
                      </td>
                      <td className="number">{moneyText(row.pays, locale)}</td>
                      <td className="number">{moneyText(row.benefits, locale)}</td>
                      <td className={`number ${row.net.isNeg() ? 'ce-down' : row.net.gt(0) ? 'ce-up' : ''}`}>
                        {signedMoney(row.net, locale)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h4>{t('ce.who.bySector')}</h4>
            <table className="ce-table" data-testid="who-by-sector">
              <thead>
                <tr>
                  <th scope="col">{t('ce.who.sector')}</th>
                  <th scope="col" className="number">
                    {t('ce.who.pays', { currency })}
                  </th>
                  <th scope="col" className="number">
                    {t('ce.who.benefits', { currency })}
                  </th>
                  <th scope="col" className="number">
                    {t('ce.who.net', { currency })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sectors.map((s) => (
                  <tr key={s.sector}>
                    <th scope="row">
                      {t(`ce.sectors.${s.sector}`)}
                      <span className="ce-parties">{s.parties.join(', ')}</span>
                    </th>
                    <td className="number">{moneyText(s.pays, locale)}</td>
                    <td className="number">{moneyText(s.benefits, locale)}</td>
                    <td className={`number ${s.net.isNeg() ? 'ce-down' : s.net.gt(0) ? 'ce-up' : ''}`}>
                      {signedMoney(s.net, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="help">{t('ce.who.note')}</p>
          </>
        )}
      </div>
    </section>
  );
}
