/**
 * The switching values of the project as one table: a group of rows per outcome (its value multiplier in one
 * sentence, then each assumption's value at 1 : 1 and the same in words), then the whole model.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { numericSwitchingValues, type SroiResult } from '../../../shared/engine';
import type { Project } from '../../../shared/model/schema';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { CsvTable } from '../exchange/table-csv';
import { useLocale } from '../hooks/useLocale';
import { useEngineText } from '../i18n/engine-text';
import { switchingGroups, type SwitchingGroup } from './switching-rows';

/** The table as CSV: one line per assumption, with its group, the values as numbers in their unit, the words. */
function switchingCsv(groups: SwitchingGroup[], t: (key: string) => string): CsvTable {
  return {
    columns: [
      t('sensitivity.switching.group'),
      t('sensitivity.switching.assumption'),
      t('sensitivity.switching.entered'),
      t('sensitivity.switching.atOne'),
      t('sensitivity.switching.unit'),
      t('sensitivity.switching.inWords'),
    ],
    rows: groups.flatMap((g) =>
      g.rows.map((r) => [
        g.title,
        r.assumption,
        r.enteredNumber === null ? null : { decimal: r.enteredNumber },
        r.atOneNumber === null ? null : { decimal: r.atOneNumber },
        r.unit,
        r.words,
      ]),
    ),
  };
}

export function SwitchingTable({ project, result }: { project: Project; result: SroiResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const numeric = useMemo(() => numericSwitchingValues(project), [project]);
  const text = useEngineText();
  const groups = useMemo(
    () => switchingGroups(project, result, numeric, t, text, locale),
    [project, result, numeric, t, text, locale],
  );

  return (
    <section className="card" aria-labelledby="switching-title">
      <div className="charts-heading">
        <h2 id="switching-title">{t('sensitivity.switching.title')}</h2>
        <TableCsvButton
          title={t('sensitivity.switching.title')}
          fileName={`${project.name} switching values`}
          table={() => switchingCsv(groups, t)}
        />
      </div>
      <p className="help">{t('sensitivity.switching.lead')}</p>
      <table className="switching-table" data-testid="switching-table">
        <thead>
          <tr>
            <th scope="col">{t('sensitivity.switching.assumption')}</th>
            <th scope="col" className="number">
              {t('sensitivity.switching.entered')}
            </th>
            <th scope="col" className="number">
              {t('sensitivity.switching.atOne')}
            </th>
            <th scope="col">{t('sensitivity.switching.inWords')}</th>
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.key} aria-label={group.title}>
            <tr className="group">
              <th scope="rowgroup" colSpan={4}>
                <span className="group-title">{group.title}</span>
                {group.summary && <span className="group-summary"> {group.summary}</span>}
              </th>
            </tr>
            {group.rows.map((row) => (
              <tr key={row.key} className={row.reachable ? undefined : 'unreachable'}>
                <th scope="row">{row.assumption}</th>
                <td className="number">{row.entered}</td>
                <td className="number">{row.atOne}</td>
                <td>{row.words}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
