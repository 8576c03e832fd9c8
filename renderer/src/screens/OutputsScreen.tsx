/**
 * Stage 4, outputs: what the service did, counted month by month (contacts, syringes given, people on
 * methadone), split by gender, nationality or another category where the data has it, with totals by month,
 * by category and by year. Counts are typed in a grid or imported from a CSV file.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output, Project } from '../../../shared/model';
import type { OutputWithoutRecords } from '../../../shared/ipc/contract';
import { SelectField, TextField } from '../components/fields';
import type { ProjectState } from '../hooks/useProject';
import { OutputRecords } from '../outputs/OutputRecords';
import '../outputs/outputs.css';

const NONE = '';

export function OutputsScreen({ state, project }: { state: ProjectState; project: Project }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** The output whose deletion waits for a second click (its records cannot be brought back by undo). */
  const [confirming, setConfirming] = useState<string | null>(null);
  const stakeholderOptions = [
    { value: NONE, label: t('outputs.noStakeholder') },
    ...project.stakeholders.map((s) => ({ value: s.id, label: s.name })),
  ];

  const save = (output: Output, changes: Partial<OutputWithoutRecords>) =>
    // Records have channels of their own: an output is saved without them, from its latest saved version.
    state.patchItem('outputs', output.id, (latest) => {
      const { records: _records, ...rest } = latest;
      return { ...rest, ...changes };
    });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError(t('outputs.nameRequired'));
    const item: OutputWithoutRecords = {
      id: crypto.randomUUID(),
      name: name.trim(),
      unit: '',
      stakeholderId: project.stakeholders.length === 1 ? project.stakeholders[0].id : null,
      notes: '',
    };
    const result = await state.saveItem('outputs', item);
    if (!result.ok) return setError(result.error.message);
    setName('');
    setError(null);
  };

  const remove = async (output: Output) => {
    if (output.records.length > 0 && confirming !== output.id) return setConfirming(output.id);
    setConfirming(null);
    const result = await state.deleteItem('outputs', output.id);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <section aria-labelledby="outputs-title" className="outputs-screen">
      <h1 id="outputs-title">{t('outputs.title')}</h1>
      <p className="lead">{t('outputs.lead')}</p>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      {project.outputs.length === 0 && <p className="empty">{t('outputs.empty')}</p>}
      {project.outputs.map((output) => (
        <article key={output.id} className="card item output" aria-label={output.name}>
          <div className="form-grid">
            <TextField
              label={t('outputs.name')}
              value={output.name}
              required
              onCommit={(v) => save(output, { name: v })}
            />
            <TextField
              label={t('outputs.unit')}
              value={output.unit}
              placeholder={t('outputs.unitExample')}
              help={t('outputs.unitHelp')}
              onCommit={(v) => save(output, { unit: v })}
            />
            <SelectField
              label={t('outputs.stakeholder')}
              value={output.stakeholderId ?? NONE}
              options={stakeholderOptions}
              help={t('outputs.stakeholderHelp')}
              onCommit={(v) => save(output, { stakeholderId: v === NONE ? null : v })}
            />
            <TextField
              label={t('outputs.notes')}
              value={output.notes}
              multiline
              help={t('outputs.notesHelp')}
              onCommit={(v) => save(output, { notes: v })}
            />
          </div>
          <OutputRecords state={state} projectId={project.id} projectName={project.name} output={output} />
          {confirming === output.id ? (
            <div className="confirm-delete" role="alert">
              <p>{t('outputs.confirmDelete', { name: output.name, count: output.records.length })}</p>
              <button type="button" className="danger" onClick={() => void remove(output)}>
                {t('outputs.confirmDeleteYes')}
              </button>
              <button type="button" onClick={() => setConfirming(null)}>
                {t('outputs.confirmDeleteNo')}
              </button>
            </div>
          ) : (
            <button type="button" className="danger" onClick={() => void remove(output)}>
              {t('outputs.delete', { name: output.name })}
            </button>
          )}
        </article>
      ))}
      <form className="card add-form" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor="new-output">{t('outputs.newName')}</label>
          <input
            id="new-output"
            value={name}
            placeholder={t('outputs.example')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="primary">
          {t('outputs.add')}
        </button>
      </form>
    </section>
  );
}
