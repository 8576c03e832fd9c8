/**
 * Editing one output's records as a grid: numbers typed in the user's locale, a row per month, a column per
 * category (add or remove columns), live totals, arrow keys and Enter to move between rows, and a block pasted
 * from a spreadsheet filling the cells from the one pasted into. Nothing is saved until "Save records", and then
 * only if every row is right: all the records are replaced in one call, or none.
 */
import { useId, useMemo, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/result';
import type { OutputRecord } from '../../../shared/model';
import { parseLocaleNumber } from '../../../shared/format/locale';
import { dec, ZERO, type Dec } from '../../../shared/money/decimal';
import { useLocale } from '../hooks/useLocale';
import { parseCategories } from './csv-mapping';
import {
  breakdownColumnsOf,
  categoryKey,
  columnLabel,
  formatCount,
  fromDraft,
  newDraftId,
  nextMonth,
  parsePastedBlock,
  toDraft,
  type BreakdownColumn,
  type DraftRow,
  type RowProblem,
} from './record-table';
import './outputs.css';

interface Props {
  records: readonly OutputRecord[];
  name: string;
  /** Saves the records (all replaced); returns the backend's refusal, or null when saved. */
  onSave: (records: OutputRecord[]) => Promise<AppError | null>;
  onCancel: () => void;
}

/** Sum of the cells that read as numbers (live totals while typing; the check on saving is strict). */
function liveSum(values: string[], locale: string): Dec {
  let total = ZERO;
  for (const value of values) {
    if (value.trim() === '') continue;
    const parsed = parseLocaleNumber(value, locale);
    if (parsed.ok) total = total.plus(dec(parsed.value));
  }
  return total;
}

export function RecordEditor({ records, name, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [columns, setColumns] = useState<BreakdownColumn[]>(() => breakdownColumnsOf(records));
  const [rows, setRows] = useState<DraftRow[]>(() => {
    const draft = toDraft(records, breakdownColumnsOf(records), locale);
    return draft.length > 0 ? draft : [{ id: newDraftId(), period: '', count: '', cells: {} }];
  });
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [newColumn, setNewColumn] = useState('');
  const [columnError, setColumnError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const newColumnId = useId();

  /** Column ids in the order the cells appear: the month, each category, the count. */
  const order = useMemo(() => ['period', ...columns.map((c) => c.key), 'count'], [columns]);
  const labelOf = (column: string) =>
    column === 'period'
      ? t('outputs.table.period')
      : column === 'count'
        ? columns.length > 0
          ? t('outputs.table.rowTotal')
          : t('outputs.table.count')
        : columnLabel(columns.find((c) => c.key === column) ?? { categories: {} });
  const problemAt = (row: number, column: string) => problems.find((p) => p.row === row && p.column === column);

  const valueOf = (row: DraftRow, column: string) =>
    column === 'period' ? row.period : column === 'count' ? row.count : (row.cells[column] ?? '');
  const withValue = (row: DraftRow, column: string, value: string): DraftRow =>
    column === 'period'
      ? { ...row, period: value }
      : column === 'count'
        ? { ...row, count: value }
        : { ...row, cells: { ...row.cells, [column]: value } };
  const setCell = (index: number, column: string, value: string) =>
    setRows((current) => current.map((row, i) => (i === index ? withValue(row, column, value) : row)));

  const addRow = () =>
    setRows((current) => [
      ...current,
      { id: newDraftId(), period: nextMonth(current[current.length - 1]?.period.trim() ?? ''), count: '', cells: {} },
    ]);
  const removeRow = (index: number) => setRows((current) => current.filter((_, i) => i !== index));

  const addColumn = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCategories(newColumn);
    if (!parsed.ok) {
      return setColumnError(
        t(`outputs.import.problems.${parsed.problem.key}`, { ...parsed.problem.params, column: '' }),
      );
    }
    const key = categoryKey(parsed.categories);
    if (columns.some((c) => c.key === key)) return setColumnError(t('outputs.edit.columnExists'));
    setColumns((current) => [...current, { key, categories: parsed.categories }]);
    setNewColumn('');
    setColumnError(null);
  };
  const removeColumn = (key: string) => {
    setColumns((current) => current.filter((c) => c.key !== key));
    setRows((current) =>
      current.map((row) => {
        const cells = { ...row.cells };
        delete cells[key];
        return { ...row, cells };
      }),
    );
  };

  const focusCell = (row: number, column: number) => {
    const input = tableRef.current?.querySelector<HTMLInputElement>(`input[data-cell="${row}:${column}"]`);
    input?.focus();
    input?.select();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, column: number) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) {
      event.preventDefault();
      if (row + 1 >= rows.length && event.key === 'Enter') {
        addRow();
        setTimeout(() => focusCell(row + 1, column), 0);
      } else focusCell(row + 1, column);
    } else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) {
      event.preventDefault();
      focusCell(row - 1, column);
    }
  };

  /** A block copied from a spreadsheet fills the grid from this cell, to the right and down (rows are added). */
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, column: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !/[\r\n]/.test(text.trim())) return;
    event.preventDefault();
    const block = parsePastedBlock(text);
    setRows((current) => {
      const next = [...current];
      block.forEach((cells, r) => {
        const index = row + r;
        if (index >= next.length) {
          const previous = next[next.length - 1]?.period.trim() ?? '';
          next.push({ id: newDraftId(), period: column === 0 ? '' : nextMonth(previous), count: '', cells: {} });
        }
        cells.forEach((value, c) => {
          const target = order[column + c];
          if (target !== undefined) next[index] = withValue(next[index], target, value);
        });
      });
      return next;
    });
  };

  const save = async () => {
    setSaveError(null);
    const result = fromDraft(rows, columns, locale);
    if (!result.ok) return setProblems(result.problems);
    setProblems([]);
    setSaving(true);
    const error = await onSave(result.records);
    setSaving(false);
    if (error) setSaveError(error);
  };

  const columnTotals = columns.map((c) =>
    liveSum(
      rows.map((r) => r.cells[c.key] ?? ''),
      locale,
    ),
  );
  const countTotal = rows.reduce((total, row) => {
    if (row.count.trim() !== '') return total.plus(liveSum([row.count], locale));
    return total.plus(liveSum(Object.values(row.cells), locale));
  }, ZERO);

  return (
    <div className="record-editor">
      <p className="help">{t('outputs.edit.help')}</p>
      {problems.length > 0 && (
        <div className="error banner" role="alert">
          <p>{t('outputs.edit.problems', { count: problems.length })}</p>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={i}>
                {t('outputs.edit.where', {
                  row: p.row,
                  period: rows[p.row - 1]?.period.trim() || '–',
                  column: labelOf(p.column),
                })}
                : {t(`outputs.edit.problem.${p.key}`, p.params)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saveError && (
        <div className="error banner" role="alert">
          <p>{saveError.message}</p>
          {saveError.fields && saveError.fields.length > 0 && (
            <ul className="problem-list">
              {saveError.fields.map((f, i) => (
                <li key={i}>
                  {f.where}: {f.message}
                </li>
              ))}
            </ul>
          )}
          <p>{t('outputs.edit.nothingSaved')}</p>
        </div>
      )}
      <div className="table-scroll">
        <table ref={tableRef} className="records-table editing" aria-label={t('outputs.edit.label', { name })}>
          <thead>
            <tr>
              {order.map((column) => (
                <th
                  key={column}
                  scope="col"
                  className={column === 'period' ? 'period-col' : column === 'count' ? 'number total-col' : 'number'}
                >
                  {labelOf(column)}
                  {column !== 'period' && column !== 'count' && (
                    <button
                      type="button"
                      className="link remove-column"
                      aria-label={t('outputs.edit.removeColumn', { column: labelOf(column) })}
                      onClick={() => removeColumn(column)}
                    >
                      ×
                    </button>
                  )}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('outputs.edit.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.id}>
                {order.map((column, c) => {
                  const problem = problemAt(r + 1, column);
                  return (
                    <td
                      key={column}
                      className={
                        column === 'period' ? 'period-col' : column === 'count' ? 'number total-col' : 'number'
                      }
                    >
                      <input
                        type="text"
                        inputMode={column === 'period' ? 'text' : 'decimal'}
                        data-cell={`${r}:${c}`}
                        value={valueOf(row, column)}
                        placeholder={
                          column === 'period'
                            ? '2012-01'
                            : column === 'count' && columns.length > 0
                              ? t('outputs.edit.sumPlaceholder')
                              : undefined
                        }
                        aria-label={t('outputs.edit.cell', { row: r + 1, column: labelOf(column) })}
                        aria-invalid={problem ? true : undefined}
                        title={problem ? t(`outputs.edit.problem.${problem.key}`, problem.params) : undefined}
                        onChange={(e) => setCell(r, column, e.target.value)}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                        onPaste={(e) => onPaste(e, r, c)}
                      />
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={t('outputs.edit.removeRow', { row: r + 1 })}
                    onClick={() => removeRow(r)}
                  >
                    {t('outputs.edit.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('outputs.table.total')}</th>
              {columnTotals.map((total, i) => (
                <td key={columns[i].key} className="number">
                  {formatCount(total, locale)}
                </td>
              ))}
              <td className="number total-col">{formatCount(countTotal, locale)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="editor-actions">
        <button type="button" onClick={addRow}>
          {t('outputs.edit.addRow')}
        </button>
        <form className="add-column" onSubmit={addColumn}>
          <label htmlFor={newColumnId}>{t('outputs.edit.newColumn')}</label>
          <input
            id={newColumnId}
            value={newColumn}
            placeholder={t('outputs.edit.newColumnExample')}
            aria-invalid={columnError ? true : undefined}
            onChange={(e) => setNewColumn(e.target.value)}
          />
          <button type="submit">{t('outputs.edit.addColumn')}</button>
          {columnError && (
            <p className="error" role="alert">
              {columnError}
            </p>
          )}
        </form>
      </div>
      <div className="editor-actions">
        <button type="button" className="primary" disabled={saving} onClick={() => void save()}>
          {t('outputs.edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('outputs.edit.cancel')}
        </button>
      </div>
    </div>
  );
}
