/**
 * Stage 2, stakeholders: the groups who change or contribute, how many they are and how they were involved
 * ("nothing about us without us": how many people who use the service took part).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, StakeholderGroup } from '../../../shared/model';
import { NumberField, TextField } from '../components/fields';
import type { ProjectState } from '../hooks/useProject';

export function StakeholdersScreen({ state, project }: { state: ProjectState; project: Project }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setError(t('stakeholders.nameRequired'));
    const item: StakeholderGroup = {
      id: crypto.randomUUID(),
      name: name.trim(),
      size: null,
      involvement: '',
      peopleConsulted: null,
    };
    const result = await state.saveItem('stakeholders', item);
    if (!result.ok) return setError(result.error.message);
    setName('');
    setError(null);
  };
  const save = (group: StakeholderGroup, changes: Partial<StakeholderGroup>) =>
    state.patchItem('stakeholders', group.id, (latest) => ({ ...latest, ...changes }));
  const remove = async (group: StakeholderGroup) => {
    const result = await state.deleteItem('stakeholders', group.id);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <section aria-labelledby="stakeholders-title">
      <h1 id="stakeholders-title">{t('sections.stakeholders')}</h1>
      <p className="lead">{t('stakeholders.lead')}</p>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      {project.stakeholders.map((group) => (
        <article key={group.id} className="card item" aria-label={group.name}>
          {/* The four fields of a group on one line on a desktop screen. */}
          <div className="form-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))' }}>
            <TextField
              label={t('stakeholders.name')}
              value={group.name}
              required
              onCommit={(v) => save(group, { name: v })}
            />
            <NumberField
              label={t('stakeholders.size')}
              value={group.size === null ? '' : String(group.size)}
              integer
              allowEmpty
              min={0}
              help={t('stakeholders.sizeHelp')}
              onCommit={(v) => save(group, { size: v === '' ? null : Number(v) })}
            />
            <TextField
              label={t('stakeholders.involvement')}
              value={group.involvement}
              multiline
              help={t('stakeholders.involvementHelp')}
              onCommit={(v) => save(group, { involvement: v })}
            />
            <NumberField
              label={t('stakeholders.peopleConsulted')}
              value={group.peopleConsulted === null ? '' : String(group.peopleConsulted)}
              integer
              allowEmpty
              min={0}
              onCommit={(v) => save(group, { peopleConsulted: v === '' ? null : Number(v) })}
            />
          </div>
          <button type="button" className="danger" onClick={() => void remove(group)}>
            {t('stakeholders.delete', { name: group.name })}
          </button>
        </article>
      ))}
      <form className="card add-form" onSubmit={(e) => void add(e)}>
        <div className="field">
          <label htmlFor="new-stakeholder">{t('stakeholders.newName')}</label>
          <input
            id="new-stakeholder"
            value={name}
            placeholder={t('stakeholders.example')}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button type="submit" className="primary">
          {t('stakeholders.add')}
        </button>
      </form>
    </section>
  );
}
