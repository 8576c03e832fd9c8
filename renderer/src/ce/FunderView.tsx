/**
 * The funder view: costs split by funder, what each funder's share bought (outputs, outcomes and value in
 * proportion to their contribution, stated as such), and who pays and who benefits, by party and by sector.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SroiResult } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import type { Project, Sector } from '../../../shared/model';
import { TableCsvButton } from '../exchange/TableCsvButton';
import { useLocale } from '../hooks/useLocale';
import {
  amountText,
  bySector,
  decimalCell,
  funderShares,
  moneyText,
  SECTORS,
  signedMoney,
  suggestSector,
  whoPaysWhoBenefits,
  type FunderShare,
  type PartyRow,
} from './ce-data';
import { withSector, type SaveCe } from './inputs';

export function FunderView({ project, result, save }: { project: Project; result: SroiResult; save: SaveCe }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = project.currency;
  const na = t('results.na');
  const funders = useMemo(() => funderShares(project, result, t('ce.funders.noFunder')), [project, result, t]);
  const parties = useMemo(() => whoPaysWhoBenefits(project, result), [project, result]);

  // The user's choice is saved with the project; a guess from the party's name only fills the gap, as such.
  const chosenSector = (row: PartyRow): Sector | null => project.costEffectiveness.sectors[row.key] ?? null;
  const sectorOf = (row: PartyRow): Sector | null => chosenSector(row) ?? suggestSector(row.label);
  const sectors = bySector(parties, sectorOf);
  const sectorName = (s: Sector | 'unassigned') => t(`ce.sectors.${s}`);
  const percent = (share: Pick<FunderShare, 'share'>) =>
    share.share === null ? na : `${formatDecimal(share.share.times(100), 1, locale)} %`;
  const boughtLines = (f: FunderShare) => [
    ...f.outcomes.map((o) =>
      o.bought === null
        ? t('ce.funders.outcomeNa', { name: o.name })
        : t(o.disbenefit ? 'ce.funders.disbenefitLine' : 'ce.funders.outcomeLine', {
            count: amountText(o.bought, locale, 2),
            name: o.name,
          }),
    ),
    ...f.outputs.map((o) =>
      o.bought === null
        ? t('ce.funders.outcomeNa', { name: o.name })
        : t('ce.funders.outputLine', { count: amountText(o.bought, locale, 1), name: o.name, unit: o.unit }),
    ),
  ];
  const moneyColumns = [
    t('ce.who.pays', { currency }),
    t('ce.who.benefits', { currency }),
    t('ce.who.net', { currency }),
  ];

  return (
    <section className="ce-section" aria-labelledby="ce-funders-title">
      <h2 id="ce-funders-title">{t('ce.funders.title')}</h2>
      <p className="lead">{t('ce.funders.lead')}</p>
      {funders.length === 0 ? (
        <p className="empty card">{t('ce.funders.empty')}</p>
      ) : (
        <div className="card">
          <div className="charts-heading">
            <h3 id="ce-funders-caption">{t('ce.funders.caption')}</h3>
            <TableCsvButton
              title={t('ce.funders.caption')}
              fileName={`${project.name} costs by funder`}
              table={() => ({
                columns: [
                  t('ce.funders.funder'),
                  t('ce.funders.cost', { currency }),
                  t('ce.funders.share'),
                  t('ce.funders.value', { currency }),
                  t('ce.funders.bought'),
                ],
                rows: funders.map((f) => [
                  f.label,
                  decimalCell(f.presentValue),
                  decimalCell(f.share),
                  decimalCell(f.value),
                  boughtLines(f).join('; '),
                ]),
              })}
            />
          </div>
          <table className="ce-table" aria-labelledby="ce-funders-caption">
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
                      {boughtLines(f).map((line, i) => (
                        <li key={i}>{line}</li>
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
        <div className="charts-heading">
          <h3 id="ce-who-title">{t('ce.who.title')}</h3>
          {parties.length > 0 && (
            <TableCsvButton
              title={t('ce.who.title')}
              fileName={`${project.name} who pays who benefits`}
              table={() => ({
                columns: [t('ce.who.party'), t('ce.who.sector'), ...moneyColumns],
                rows: parties.map((row) => {
                  const sector = sectorOf(row);
                  return [
                    row.label,
                    sector === null ? sectorName('unassigned') : sectorName(sector),
                    decimalCell(row.pays),
                    decimalCell(row.benefits),
                    decimalCell(row.net),
                  ];
                }),
              })}
            />
          )}
        </div>
        <p className="help">{t('ce.who.lead')}</p>
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
                  const chosen = chosenSector(row);
                  const suggested = chosen === null ? suggestSector(row.label) : null;
                  // The empty choice says what counts meanwhile: the suggestion, or nothing.
                  const emptyText = suggested
                    ? t('ce.who.suggestedOption', { sector: sectorName(suggested) })
                    : sectorName('unassigned');
                  const noteId = `ce-sector-note-${row.key.replace(/[^\w-]/g, '_')}`;
                  return (
                    <tr key={row.key}>
                      <th scope="row">{row.label}</th>
                      <td>
                        <select
                          aria-label={t('ce.who.sectorOf', { name: row.label })}
                          aria-describedby={suggested ? noteId : undefined}
                          title={chosen ? sectorName(chosen) : emptyText}
                          className={suggested ? 'ce-suggested' : undefined}
                          value={chosen ?? ''}
                          onChange={(e) => {
                            const value = e.target.value;
                            const sector = SECTORS.find((s) => s === value) ?? null;
                            void save(withSector(row.key, sector));
                          }}
                        >
                          <option value="">{emptyText}</option>
                          {SECTORS.map((s) => (
                            <option key={s} value={s}>
                              {sectorName(s)}
                            </option>
                          ))}
                        </select>
                        {suggested && (
                          <span className="ce-suggested-note" id={noteId}>
                            {t('ce.who.suggestedNote')}
                          </span>
                        )}
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
            <div className="charts-heading">
              <h4 id="ce-by-sector-title">{t('ce.who.bySector')}</h4>
              <TableCsvButton
                title={t('ce.who.bySectorTitle')}
                fileName={`${project.name} who pays who benefits by sector`}
                table={() => ({
                  columns: [t('ce.who.sector'), t('ce.who.parties'), ...moneyColumns],
                  rows: sectors.map((s) => [
                    sectorName(s.sector),
                    s.parties.join(', '),
                    decimalCell(s.pays),
                    decimalCell(s.benefits),
                    decimalCell(s.net),
                  ]),
                })}
              />
            </div>
            <table className="ce-table" data-testid="who-by-sector" aria-labelledby="ce-by-sector-title">
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
                      {sectorName(s.sector)}
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
