/**
 * A small spreadsheet-like grid that follows the WAI-ARIA "data grid" pattern: one tab stop (a roving
 * tabindex), arrow keys between cells, Enter/F2 or typing to edit, Enter/Tab to save and move, Escape to
 * cancel, Delete to clear, Ctrl+C/Ctrl+V for cells and blocks copied from Excel or LibreOffice.
 *
 * It knows nothing about the model: each column says how a row is shown and edited, and the owner saves
 * what was typed (`onCommit`, resolving to the reason it was refused, or null) and handles pasted blocks.
 * A refused entry stays in its cell, marked, with its reason next to it, until it is corrected or cancelled.
 */
import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import './grid.css';

export interface GridOption {
  value: string;
  label: string;
}

export interface GridColumn<R> {
  key: string;
  header: string;
  /** Shown after the header in smaller type, e.g. the currency. */
  unit?: string;
  editor: 'text' | 'number' | 'select';
  /** The choices of a select column for one row. */
  options?: (row: R) => readonly GridOption[];
  /** What the cell shows. */
  display: (row: R) => ReactNode;
  /** The text edited (for a select, the option's value). */
  text: (row: R) => string;
  /** Why this cell cannot be typed into in this row (e.g. it is computed), or null. */
  readOnly?: (row: R) => string | null;
  /** The column that names each row (the screen reader announces it with every cell of the row). */
  rowHeader?: boolean;
  /** A CSS width such as "12rem". */
  width: string;
}

/** A problem to show in a cell: what was entered and why it was not saved. */
export interface CellProblem {
  text: string;
  message: string;
}

export interface DataGridHandle {
  /** Move to a cell (row index, column index) and, if asked, start editing it. */
  focusCell(row: number, col: number, edit?: boolean): void;
}

export interface DataGridProps<R extends { id: string }> {
  ref?: Ref<DataGridHandle>;
  /** Id of the element that names the grid. */
  labelledBy: string;
  /** Id of the element that explains how to use it. */
  describedBy?: string;
  columns: readonly GridColumn<R>[];
  rows: readonly R[];
  /** The empty last row where a new line is typed; null when lines cannot be added. */
  draft?: R | null;
  /** Shown in the first cell of the empty last row. */
  draftHint?: string;
  /** Save one cell. Resolves to null when saved, or to the reason it was not. */
  onCommit: (row: R, rowIndex: number, columnKey: string, text: string) => Promise<string | null>;
  /** A block pasted at a cell (the text as copied, usually tab-separated). */
  onPaste: (rowIndex: number, colIndex: number, text: string) => void;
  onDelete: (row: R) => void;
  /** Texts of the grid, already translated. */
  text: {
    actions: string;
    delete: string;
    deleteLabel: (row: R, line: number) => string;
    editLabel: (column: string, line: number, row: R) => string;
    notSaved: (column: string, message: string) => string;
    pasteHere: string;
  };
  /** Problems to show in cells, keyed `${rowId}:${columnKey}` (e.g. a refused paste). */
  problems?: Readonly<Record<string, CellProblem>>;
}

interface Position {
  row: number;
  col: number;
}

interface Editing extends Position {
  text: string;
  /** "enter": started by typing, arrow keys save and move; "edit": started with Enter/F2, arrows move the caret. */
  mode: 'enter' | 'edit';
}

const cellKey = (rowId: string, columnKey: string) => `${rowId}:${columnKey}`;

export function DataGrid<R extends { id: string }>(props: DataGridProps<R>) {
  const { ref, columns, rows, draft, onCommit, onPaste, onDelete, text, problems } = props;
  const id = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const allRows: readonly R[] = draft ? [...rows, draft] : rows;
  const rowCount = allRows.length;
  const colCount = columns.length + 1; // + the delete action
  const actionCol = columns.length;

  const [active, setActive] = useState<Position>({ row: 0, col: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  /** Entries being saved (shown until the save answers) and entries refused (shown with their reason). */
  const [pending, setPending] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<Record<string, CellProblem>>({});
  const [announcement, setAnnouncement] = useState('');
  const focusWanted = useRef(false);

  const row = Math.min(active.row, Math.max(rowCount - 1, 0));
  const col = Math.min(active.col, colCount - 1);

  // Focus follows the active cell, but only after a move the user made inside the grid.
  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    const target = tableRef.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
    const focusable =
      col === actionCol ? (target?.querySelector<HTMLElement>('button') ?? target) : editing ? null : target;
    focusable?.focus();
  });

  const moveTo = useCallback(
    (next: Position) => {
      focusWanted.current = true;
      setActive({
        row: Math.max(0, Math.min(next.row, rowCount - 1)),
        col: Math.max(0, Math.min(next.col, colCount - 1)),
      });
    },
    [rowCount, colCount],
  );

  const problemAt = (r: R, column: GridColumn<R>): CellProblem | undefined =>
    refused[cellKey(r.id, column.key)] ?? problems?.[cellKey(r.id, column.key)];

  const startEdit = (at: Position, typed?: string) => {
    const r = allRows[at.row];
    const column = columns[at.col];
    if (!r || !column) return;
    const reason = column.readOnly?.(r) ?? null;
    if (reason) {
      setAnnouncement(reason);
      return;
    }
    let initial = problemAt(r, column)?.text ?? column.text(r);
    if (typed !== undefined) {
      if (column.editor === 'select') {
        const lower = typed.toLowerCase();
        initial = column.options?.(r).find((o) => o.label.toLowerCase().startsWith(lower))?.value ?? column.text(r);
      } else {
        initial = typed;
      }
    }
    setAnnouncement('');
    setActive(at);
    setEditing({ ...at, text: initial, mode: typed === undefined || column.editor === 'select' ? 'edit' : 'enter' });
  };

  useImperativeHandle(ref, () => ({
    focusCell(r: number, c: number, edit?: boolean) {
      const at = { row: Math.max(0, Math.min(r, rowCount - 1)), col: Math.max(0, Math.min(c, colCount - 1)) };
      focusWanted.current = true;
      setActive(at);
      if (edit) startEdit(at);
    },
  }));

  const commit = (at: Position, value: string) => {
    const r = allRows[at.row];
    const column = columns[at.col];
    if (!r || !column) return;
    const key = cellKey(r.id, column.key);
    const hadProblem = key in refused;
    if (!hadProblem && value === column.text(r)) return; // unchanged
    setPending((p) => ({ ...p, [key]: value }));
    setRefused(({ [key]: _gone, ...rest }) => rest);
    void onCommit(r, at.row, column.key, value).then((message) => {
      setPending(({ [key]: _done, ...rest }) => rest);
      if (message) {
        setRefused((p) => ({ ...p, [key]: { text: value, message } }));
        setAnnouncement(text.notSaved(column.header, message));
      }
    });
  };

  /** Leave editing: save (or not), then move by (dRow, dCol) and take focus back to the grid. */
  const finish = (save: boolean, dRow = 0, dCol = 0, refocus = true) => {
    const current = editingRef.current;
    if (!current) return;
    setEditing(null);
    if (save) commit(current, current.text);
    else {
      const r = allRows[current.row];
      const column = columns[current.col];
      if (r && column) setRefused(({ [cellKey(r.id, column.key)]: _cancelled, ...rest }) => rest);
    }
    if (refocus) moveTo({ row: current.row + dRow, col: current.col + dCol });
  };

  const onEditorKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    const current = editingRef.current;
    if (!current) return;
    event.stopPropagation();
    const isSelect = event.currentTarget.tagName === 'SELECT';
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        return finish(true, event.shiftKey ? -1 : 1, 0);
      case 'Tab':
        event.preventDefault();
        return finish(true, 0, event.shiftKey ? -1 : 1);
      case 'Escape':
        event.preventDefault();
        return finish(false);
      case 'ArrowUp':
      case 'ArrowDown':
      case 'ArrowLeft':
      case 'ArrowRight': {
        if (current.mode !== 'enter' || isSelect) return;
        event.preventDefault();
        const d = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
        return finish(true, d[0], d[1]);
      }
    }
  };

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editingRef.current || rowCount === 0) return;
    const r = allRows[row];
    const column = columns[col];
    const onAction = col === actionCol;
    const page = 10;
    let handled = true;
    switch (event.key) {
      case 'ArrowUp':
        moveTo({ row: row - 1, col });
        break;
      case 'ArrowDown':
        moveTo({ row: row + 1, col });
        break;
      case 'ArrowLeft':
        moveTo({ row, col: col - 1 });
        break;
      case 'ArrowRight':
        moveTo({ row, col: col + 1 });
        break;
      case 'PageUp':
        moveTo({ row: row - page, col });
        break;
      case 'PageDown':
        moveTo({ row: row + page, col });
        break;
      case 'Home':
        moveTo(event.ctrlKey || event.metaKey ? { row: 0, col: 0 } : { row, col: 0 });
        break;
      case 'End':
        moveTo(event.ctrlKey || event.metaKey ? { row: rowCount - 1, col: colCount - 1 } : { row, col: colCount - 1 });
        break;
      case 'Tab':
        // Tab moves along the row like a spreadsheet; past the row's last cell it leaves the grid.
        if (event.shiftKey ? col > 0 : col < colCount - 1) moveTo({ row, col: col + (event.shiftKey ? -1 : 1) });
        else handled = false;
        break;
      case 'Enter':
      case 'F2':
        if (onAction)
          handled = false; // the button's own Enter
        else startEdit({ row, col });
        break;
      case 'Delete':
        if (onAction || !r || !column || column.editor === 'select') break; // a list always has a choice
        if (column.readOnly?.(r)) setAnnouncement(column.readOnly(r) ?? '');
        else commit({ row, col }, '');
        break;
      case 'Backspace':
        if (!onAction) startEdit({ row, col }, '');
        break;
      case 'Escape':
        if (r && column) setRefused(({ [cellKey(r.id, column.key)]: _dropped, ...rest }) => rest);
        handled = false;
        break;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && !onAction) {
          // Space opens a list; on a number it does nothing (and does not scroll the page).
          if (event.key === ' ' && column?.editor === 'select') startEdit({ row, col });
          else if (event.key !== ' ' || column?.editor === 'text') startEdit({ row, col }, event.key);
        } else handled = false;
    }
    if (handled) event.preventDefault();
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row][data-col]');
    if (!cell) return;
    const at = { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
    if (at.row !== row || at.col !== col) setActive(at);
  };

  const onCopy = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editingRef.current) return;
    const r = allRows[row];
    const column = columns[col];
    if (!r || !column) return;
    const value = column.text(r);
    const shown =
      column.editor === 'select' ? (column.options?.(r).find((o) => o.value === value)?.label ?? value) : value;
    event.clipboardData.setData('text/plain', shown);
    event.preventDefault();
  };

  const onPasteEvent = (event: ClipboardEvent<HTMLTableElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (editingRef.current) {
      if (!/[\t\n\r]/.test(pasted)) return; // a plain value goes into the cell being edited
      setEditing(null);
    }
    event.preventDefault();
    if (col === actionCol) return setAnnouncement(text.pasteHere);
    onPaste(row, col, pasted);
  };

  return (
    <div className="data-grid-frame">
      <table
        ref={tableRef}
        role="grid"
        className="data-grid"
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        aria-rowcount={rowCount + 1}
        aria-colcount={colCount}
        onKeyDown={onGridKeyDown}
        onFocus={onFocus}
        onCopy={onCopy}
        onPaste={onPasteEvent}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
          <col style={{ width: '5rem' }} />
        </colgroup>
        <thead>
          <tr role="row" aria-rowindex={1}>
            {columns.map((column, c) => (
              <th key={column.key} role="columnheader" scope="col" aria-colindex={c + 1}>
                {column.header}
                {column.unit && <span className="unit"> ({column.unit})</span>}
              </th>
            ))}
            <th role="columnheader" scope="col" aria-colindex={colCount}>
              <span className="visually-hidden">{text.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {allRows.map((r, rowIndex) => {
            const isDraft = draft !== null && draft !== undefined && rowIndex === rows.length;
            return (
              <tr
                key={r.id}
                role="row"
                aria-rowindex={rowIndex + 2}
                className={isDraft ? 'draft-row' : undefined}
                data-line={rowIndex + 1}
              >
                {columns.map((column, c) => {
                  const key = cellKey(r.id, column.key);
                  const isActive = rowIndex === row && c === col;
                  const isEditing = editing !== null && editing.row === rowIndex && editing.col === c;
                  const problem = problemAt(r, column);
                  const readOnly = column.readOnly?.(r) ?? null;
                  const Cell = column.rowHeader ? 'th' : 'td';
                  const entered = pending[key] ?? problem?.text;
                  const shownText =
                    entered !== undefined && column.editor === 'select'
                      ? (column.options?.(r).find((o) => o.value === entered)?.label ?? entered)
                      : entered;
                  const isEmptyDraftHeader = isDraft && column.rowHeader && column.text(r) === '';
                  return (
                    <Cell
                      key={column.key}
                      role={column.rowHeader ? 'rowheader' : 'gridcell'}
                      scope={column.rowHeader ? 'row' : undefined}
                      aria-colindex={c + 1}
                      aria-readonly={readOnly ? true : undefined}
                      aria-invalid={problem ? true : undefined}
                      aria-busy={key in pending ? true : undefined}
                      tabIndex={isActive && !isEditing ? 0 : -1}
                      data-row={rowIndex}
                      data-col={c}
                      data-field={column.key}
                      className={[
                        'cell',
                        column.editor === 'number' ? 'number' : '',
                        readOnly ? 'read-only' : '',
                        problem ? 'has-problem' : '',
                        isActive ? 'active' : '',
                        isEditing ? 'editing' : '',
                      ].join(' ')}
                      title={readOnly ?? undefined}
                      onDoubleClick={() => startEdit({ row: rowIndex, col: c })}
                    >
                      {isEditing ? (
                        <CellEditor
                          column={column}
                          row={r}
                          editing={editing}
                          label={text.editLabel(column.header, rowIndex + 1, r)}
                          onChange={(value) => setEditing({ ...editing, text: value })}
                          onKeyDown={onEditorKeyDown}
                          onBlur={() => {
                            if (editingRef.current?.row === rowIndex && editingRef.current.col === c) {
                              finish(true, 0, 0, false);
                            }
                          }}
                        />
                      ) : (
                        <>
                          <span className="cell-value">
                            {shownText !== undefined ? (
                              shownText
                            ) : isEmptyDraftHeader ? (
                              <span className="draft-hint">{props.draftHint}</span>
                            ) : (
                              column.display(r)
                            )}
                          </span>
                          {problem && (
                            <span className="cell-problem" id={`${id}-${rowIndex}-${c}-problem`}>
                              {problem.message}
                            </span>
                          )}
                        </>
                      )}
                    </Cell>
                  );
                })}
                <td
                  role="gridcell"
                  aria-colindex={colCount}
                  data-row={rowIndex}
                  data-col={actionCol}
                  className="cell action"
                  tabIndex={isDraft ? (rowIndex === row && col === actionCol ? 0 : -1) : undefined}
                >
                  {!isDraft && (
                    <button
                      type="button"
                      className="row-delete"
                      tabIndex={rowIndex === row && col === actionCol ? 0 : -1}
                      aria-label={text.deleteLabel(r, rowIndex + 1)}
                      data-row={rowIndex}
                      data-col={actionCol}
                      onClick={() => onDelete(r)}
                    >
                      {text.delete}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function CellEditor<R>({
  column,
  row,
  editing,
  label,
  onChange,
  onKeyDown,
  onBlur,
}: {
  column: GridColumn<R>;
  row: R;
  editing: Editing;
  label: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => void;
  onBlur: () => void;
}) {
  const inputRef = useRef<HTMLInputElement>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (column.editor === 'select') return selectRef.current?.focus();
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(end, end);
  }, [column.editor]);

  if (column.editor === 'select') {
    return (
      <select
        ref={selectRef}
        className="cell-editor"
        aria-label={label}
        value={editing.text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      >
        {(column.options?.(row) ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      ref={inputRef}
      className="cell-editor"
      type="text"
      inputMode={column.editor === 'number' ? 'decimal' : undefined}
      aria-label={label}
      value={editing.text}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
