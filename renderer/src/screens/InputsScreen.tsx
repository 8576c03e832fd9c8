/**
 * Stage 3, inputs and budget: what each stakeholder puts in (cash, in kind, volunteer hours x rate), by
 * category, funder and year, as a grid of cost lines that behaves like a spreadsheet: keyboard navigation,
 * paste from Excel or LibreOffice, totals below. Every cell is saved when it is left; a pasted block is
 * checked as a whole and saved only if every line is right. Investment is the sum of all inputs, as the
 * engine computes it. The lines and the totals can each be downloaded as CSV (right of their heading).
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InputsImportButton } from '../exchange/InputsImport';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { SroiResult } from '../../../shared/engine';
import type { AppError } from '../../../shared/ipc/result';
import type { Input, Project } from '../../../shared/model';
import { hrefFor } from '../app/router';
import { DataGrid, type CellProblem, type DataGridHandle, type GridColumn } from '../grid/DataGrid';
import {
  applyCell,
  blankInput,
  cellDisplay,
  cellText,
  fieldLabel,
  INPUT_FIELDS,
  KINDS,
  kindLabel,
  planPaste,
  readOnlyReason,
  type CellContext,
  type InputField,
  type PasteProblem,
  type PasteWrite,
} from '../grid/input-cells';
import { costLinesCsv } from '../grid/csv-tables';
import { InvestmentTotals } from '../grid/InvestmentTotals';
import { useLocale } from '../hooks/useLocale';
import type { ProjectState } from '../hooks/useProject';

const WIDTHS: Record<InputField, string> = {
  description: '11rem',
  stakeholder: '9rem',
  kind: '7.5rem',
  category: '7.5rem',
  funder: '7.5rem',
  year: '3.5rem',
  amount: '7.5rem',
  hours: '5.5rem',
  hourlyRate: '6.5rem',
  notes: '9rem',
};

const reasonOf = (error: AppError) => error.fields?.[0]?.message ?? error.message;

export function InputsScreen({
  state,
  project,
  result,
}: {
  state: ProjectState;
  project: Project;
  result: SroiResult;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ctx = useMemo<CellContext>(
    () => ({ project, locale, t: (key, options) => t(key, options ?? {}) as string }),
    [project, locale, t],
  );
  const gridRef = useRef<DataGridHandle>(null);

  // The empty last row: kept here (not saved) until it has a description.
  const [draftId, setDraftId] = useState(() => crypto.randomUUID());
  const [draftEdits, setDraftEdits] = useState<Input | null>(null);
  const draft =
    draftEdits?.id === draftId && project.stakeholders.some((s) => s.id === draftEdits.stakeholderId)
      ? draftEdits
      : blankInput(ctx, draftId);

  const [pasteProblems, setPasteProblems] = useState<PasteProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  // Saves run one after another, each on the newest version of its line: what was just saved (`overlay`)
  // until the project catches up, then the project itself.
  const latest = useRef({ project, draft, ctx });
  latest.current = { project, draft, ctx };
  const overlay = useRef(new Map<string, Input>());
  const seen = useRef(project.inputs);
  if (seen.current !== project.inputs) {
    seen.current = project.inputs;
    overlay.current.clear();
  }
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = <T,>(job: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(job, job);
    queue.current = next.catch(() => undefined);
    return next;
  };
  const savedLine = (id: string) =>
    overlay.current.get(id) ?? latest.current.project.inputs.find((i) => i.id === id) ?? null;
  const keepDraft = (item: Input | null) => {
    latest.current.draft = item;
    setDraftEdits(item);
  };
  const draftSaved = () => {
    setDraftEdits(null);
    setDraftId(crypto.randomUUID());
  };

  const onCommit = (row: Input, _rowIndex: number, key: string, text: string) =>
    enqueue(async (): Promise<string | null> => {
      const field = key as InputField;
      const saved = savedLine(row.id);
      const current = saved ?? (latest.current.draft?.id === row.id ? latest.current.draft : null);
      if (!current) return t('inputsGrid.problems.gone');
      const outcome = await applyCell(current, field, text, latest.current.ctx);
      if (!outcome.ok) return outcome.message;
      if (!saved && outcome.input.description.trim() === '') {
        keepDraft(outcome.input);
        return null;
      }
      const answer = await state.saveItem('inputs', outcome.input);
      if (!answer.ok) {
        if (!saved) keepDraft(outcome.input);
        return reasonOf(answer.error);
      }
      overlay.current.set(outcome.input.id, outcome.input);
      if (!saved) {
        draftSaved();
        setStatus(t('inputsGrid.added', { name: outcome.input.description }));
      }
      return null;
    });

  const onDelete = (row: Input) =>
    void enqueue(async () => {
      const index = latest.current.project.inputs.findIndex((i) => i.id === row.id);
      const answer = await state.deleteItem('inputs', row.id);
      if (!answer.ok) return setStatus(reasonOf(answer.error));
      setStatus(t('inputsGrid.deleted', { name: row.description }));
      gridRef.current?.focusCell(Math.max(index, 0), 0);
    });

  /** Undo what a paste saved before the store refused a line; resolves to how many could not be undone. */
  const takeBack = async (done: PasteWrite[]): Promise<number> => {
    let left = 0;
    for (const write of [...done].reverse()) {
      const answer = write.before
        ? await state.saveItem('inputs', write.before)
        : await state.deleteItem('inputs', write.item.id);
      if (!answer.ok) left++;
    }
    return left;
  };

  const onPaste = (rowIndex: number, colIndex: number, text: string) =>
    void enqueue(async () => {
      const { project: current, draft: currentDraft, ctx: currentCtx } = latest.current;
      setFailure(null);
      if (!currentDraft && current.stakeholders.length === 0) {
        setPasteProblems([]);
        return setFailure(t('inputsGrid.needStakeholder'));
      }
      const lines = current.inputs.map((i) => overlay.current.get(i.id) ?? i);
      const plan = await planPaste(
        text,
        { line: rowIndex + 1, field: INPUT_FIELDS[colIndex] },
        lines,
        currentDraft,
        currentCtx,
        () => crypto.randomUUID(),
      );
      setPasteProblems(plan.problems);
      if (plan.problems.length > 0) {
        return setStatus(t('inputsGrid.paste.title', { count: plan.problems.length }));
      }
      if (plan.writes.length === 0) return setStatus(t('inputsGrid.paste.nothing'));
      const done: PasteWrite[] = [];
      for (const write of plan.writes) {
        const answer = await state.saveItem('inputs', write.item);
        if (!answer.ok) {
          const left = await takeBack(done);
          const message = reasonOf(answer.error);
          return setFailure(
            left === 0
              ? t('inputsGrid.paste.refused', { line: write.line, message })
              : t('inputsGrid.paste.refusedPartly', { line: write.line, message, count: left }),
          );
        }
        overlay.current.set(write.item.id, write.item);
        done.push(write);
      }
      if (currentDraft && done.some((w) => w.item.id === currentDraft.id)) draftSaved();
      setStatus(t('inputsGrid.paste.saved', { count: done.length }));
    });

  const stakeholderOptions = project.stakeholders.map((s) => ({ value: s.id, label: s.name }));
  const kindOptions = KINDS.map((k) => ({ value: k, label: kindLabel(k, ctx.t) }));

  const display = (row: Input, field: InputField): ReactNode => {
    if (readOnlyReason(row, field, ctx) && field !== 'amount') {
      return (
        <>
          <span aria-hidden="true" className="not-used">
            –
          </span>
          <span className="visually-hidden">{t('inputsGrid.notUsed')}</span>
        </>
      );
    }
    const shown = cellDisplay(row, field, ctx);
    if (field === 'amount' && row.kind === 'volunteer') {
      return (
        <span className="computed-value">
          {shown}
          <span className="visually-hidden"> {t('inputsGrid.computedNote')}</span>
        </span>
      );
    }
    return shown;
  };

  const columns: GridColumn<Input>[] = INPUT_FIELDS.map((field) => ({
    key: field,
    header: fieldLabel(field, ctx.t),
    unit: field === 'amount' || field === 'hourlyRate' ? project.currency : undefined,
    editor:
      field === 'stakeholder' || field === 'kind'
        ? 'select'
        : field === 'year' || field === 'amount' || field === 'hours' || field === 'hourlyRate'
          ? 'number'
          : 'text',
    options: field === 'stakeholder' ? () => stakeholderOptions : field === 'kind' ? () => kindOptions : undefined,
    display: (row) => display(row, field),
    text: (row) => cellText(row, field, ctx),
    readOnly: (row) => readOnlyReason(row, field, ctx),
    rowHeader: field === 'description',
    width: WIDTHS[field],
  }));

  const cellProblems: Record<string, CellProblem> = {};
  for (const p of pasteProblems) {
    if (p.rowId && p.field) cellProblems[`${p.rowId}:${p.field}`] = { text: p.text, message: p.message };
  }

  return (
    <section aria-labelledby="inputs-title" className="inputs-screen">
      <h1 id="inputs-title">{t('sections.inputs')}</h1>
      <p className="lead">{t('inputsGrid.lead')}</p>
      <div className="screen-tools">
        <InputsImportButton project={project} onImported={() => void state.reload()} />
      </div>

      {project.stakeholders.length === 0 && (
        <p className="notice">
          {t('inputsGrid.needStakeholder')}{' '}
          <a href={hrefFor({ name: 'project', projectId: project.id, section: 'stakeholders' })}>
            {t('inputsGrid.goToStakeholders')}
          </a>
        </p>
      )}

      <section className="card grid-card" aria-labelledby="cost-lines-title">
        <div className="grid-card-header">
          <h2 id="cost-lines-title">{t('inputsGrid.gridTitle')}</h2>
          <div className="grid-card-tools">
            {project.inputs.length > 0 && (
              <TableCsvButton
                title={t('inputsGrid.gridTitle')}
                fileName={`${project.name} ${t('inputsGrid.gridTitle')}`}
                table={() => costLinesCsv(project.inputs, ctx)}
              />
            )}
            <button
              type="button"
              className="primary"
              disabled={!draft}
              onClick={() => gridRef.current?.focusCell(project.inputs.length, 0, true)}
            >
              {t('inputsGrid.addLine')}
            </button>
          </div>
        </div>
        <p id="cost-lines-keys" className="grid-help">
          {t('inputsGrid.keys')}
        </p>

        {failure && (
          <p className="error banner" role="alert">
            {failure}
          </p>
        )}
        {pasteProblems.length > 0 && (
          <PasteProblems
            problems={pasteProblems}
            onShow={(p) => {
              const col = p.field ? INPUT_FIELDS.indexOf(p.field) : 0;
              gridRef.current?.focusCell(p.line - 1, col);
            }}
            onDismiss={() => setPasteProblems([])}
          />
        )}

        <DataGrid<Input>
          ref={gridRef}
          labelledBy="cost-lines-title"
          describedBy="cost-lines-keys"
          columns={columns}
          rows={project.inputs}
          draft={draft}
          draftHint={t('inputsGrid.draftHint')}
          onCommit={onCommit}
          onPaste={onPaste}
          onDelete={onDelete}
          problems={cellProblems}
          text={{
            actions: t('inputsGrid.actions'),
            delete: t('inputsGrid.delete'),
            deleteLabel: (row, line) => t('inputsGrid.deleteLabel', { line, name: row.description }),
            editLabel: (column, line) => t('inputsGrid.editLabel', { column, line }),
            notSaved: (column, message) => t('inputsGrid.notSaved', { column, message }),
            pasteHere: t('inputsGrid.pasteHere'),
          }}
        />
        <p className="visually-hidden" role="status" aria-live="polite">
          {status}
        </p>
      </section>

      <InvestmentTotals
        investment={result.investment}
        currency={project.currency}
        locale={locale}
        discountRate={project.settings.discountRate}
        projectName={project.name}
      />
    </section>
  );
}

function PasteProblems({
  problems,
  onShow,
  onDismiss,
}: {
  problems: PasteProblem[];
  onShow: (problem: PasteProblem) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="paste-problems" role="alert">
      <div className="paste-problems-header">
        <h3>{t('inputsGrid.paste.title', { count: problems.length })}</h3>
        <button type="button" onClick={onDismiss}>
          {t('inputsGrid.paste.dismiss')}
        </button>
      </div>
      <p>{t('inputsGrid.paste.intro')}</p>
      <table className="problem-table">
        <caption className="visually-hidden">{t('inputsGrid.paste.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inputsGrid.paste.line')}</th>
            <th scope="col">{t('inputsGrid.paste.column')}</th>
            <th scope="col">{t('inputsGrid.paste.pasted')}</th>
            <th scope="col">{t('inputsGrid.paste.problem')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('inputsGrid.paste.show')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} data-testid="paste-problem">
              <td>{p.isNew ? t('inputsGrid.paste.newLine', { line: p.line }) : p.line}</td>
              <td>{p.field ? t(`inputsGrid.columns.${p.field}`) : t('inputsGrid.paste.wholeRow')}</td>
              <td>
                <code>{p.text}</code>
              </td>
              <td>{p.message}</td>
              <td>
                {!p.isNew && (
                  <button type="button" className="link" onClick={() => onShow(p)}>
                    {t('inputsGrid.paste.show')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
