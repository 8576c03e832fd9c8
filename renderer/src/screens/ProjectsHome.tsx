/**
 * Projects home: every evaluation on this computer, newest first; create, open, rename, duplicate, archive,
 * delete (with undo), search.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../shared/ipc/contract';
import { api } from '../api/client';
import { openTextFile } from '../api/files';
import { MENU_EVENT } from '../app/menu-events';
import { ValueMapImportButton } from '../exchange/ValueMapImport';
import { navigate } from '../app/router';
import { formatDateTime } from '../format/dates';
import { useLocale } from '../hooks/useLocale';
import { TemplatesSection } from '../templates/TemplatesSection';

interface Undo {
  id: string;
  name: string;
}

export function ProjectsHome() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [createError, setCreateError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);

  const load = useCallback(async () => {
    const result = await api.projects.list(showArchived, search);
    if (result.ok) setProjects(result.value);
    else setMessage(result.error.message);
  }, [showArchived, search]);

  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setCreateError(t('home.nameRequired'));
    const result = await api.projects.create({ name, organisation, currency: currency.trim().toUpperCase() });
    if (!result.ok) return setCreateError(result.error.fields?.[0]?.message ?? result.error.message);
    navigate({ name: 'project', projectId: result.value.id, section: 'scope' });
  };

  const act = async (run: () => Promise<{ ok: boolean; error?: { message: string } }>, done?: string) => {
    const result = await run();
    setMessage(result.ok ? (done ?? null) : (result.error?.message ?? null));
    await load();
  };

  // Inline rename (Electron has no window.prompt): the name cell becomes a field until saved or cancelled.
  const [renaming, setRenaming] = useState<{ id: string; value: string } | null>(null);
  const saveRename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming || renaming.value.trim() === '') return;
    const target = renaming;
    setRenaming(null);
    await act(() => api.projects.rename(target.id, target.value), t('home.renamed'));
  };
  const duplicate = (p: ProjectSummary) =>
    act(() => api.projects.duplicate(p.id, t('home.copyName', { name: p.name }), 'copy'), t('home.duplicated'));
  const archive = (p: ProjectSummary) =>
    act(() => api.projects.archive(p.id, !p.archived), p.archived ? t('home.unarchived') : t('home.archived'));
  const remove = async (p: ProjectSummary) => {
    const result = await api.projects.delete(p.id);
    if (result.ok) setUndo({ id: p.id, name: p.name });
    else setMessage(result.error.message);
    await load();
  };
  // Import a project file: validated whole by the backend; every problem is listed, nothing half-imported.
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [pendingCopy, setPendingCopy] = useState<unknown>(null);
  const importFile = async (asCopy = false, data?: unknown) => {
    setImportProblems([]);
    setPendingCopy(null);
    let parsed = data;
    if (parsed === undefined) {
      const file = await openTextFile('project');
      if (!file) return;
      try {
        parsed = JSON.parse(file.content);
      } catch {
        return setMessage(t('home.importNotJson', { name: file.name }));
      }
    }
    const result = await api.projects.importFile(parsed, asCopy);
    if (result.ok) {
      setMessage(t('home.imported', { name: result.value.name }));
      await load();
      return;
    }
    if (result.error.code === 'CONFLICT') {
      setPendingCopy(parsed);
      return setMessage(result.error.message);
    }
    setMessage(result.error.message);
    setImportProblems((result.error.fields ?? []).map((f) => `${f.where}: ${f.message}`));
  };

  useEffect(() => {
    const onMenu = (event: Event) => {
      const command = (event as CustomEvent<string>).detail;
      if (command === 'new-project') document.getElementById('new-name')?.focus();
      if (command === 'import-project') void importFile();
    };
    window.addEventListener(MENU_EVENT, onMenu);
    return () => window.removeEventListener(MENU_EVENT, onMenu);
  });

  const undoDelete = async () => {
    if (!undo) return;
    await act(() => api.projects.undoDelete(undo.id), t('home.restored', { name: undo.name }));
    setUndo(null);
  };

  return (
    <main id="main" className="home">
      <header className="home-header">
        <h1>{t('app.name')}</h1>
        <p className="tagline">{t('home.tagline')}</p>
      </header>

      <section aria-labelledby="new-project" className="card new-project">
        <h2 id="new-project">{t('home.newProject')}</h2>
        <form onSubmit={create} noValidate>
          <div className="field">
            <label htmlFor="new-name">{t('home.projectName')}</label>
            <input
              id="new-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('home.projectNameExample')}
              aria-invalid={createError ? true : undefined}
              aria-describedby={createError ? 'new-name-error' : undefined}
            />
            {createError && (
              <p className="error" id="new-name-error" role="alert">
                {createError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="new-organisation">{t('home.organisation')}</label>
            <input id="new-organisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          </div>
          <div className="field narrow">
            <label htmlFor="new-currency">{t('home.currency')}</label>
            <input id="new-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />
          </div>
          <button type="submit" className="primary">
            {t('home.create')}
          </button>
        </form>
      </section>

      <section aria-labelledby="your-projects" className="card">
        <div className="list-header">
          <h2 id="your-projects">{t('home.yourProjects')}</h2>
          <div className="field inline">
            <label htmlFor="search">{t('home.search')}</label>
            <input id="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t('home.showArchived')}
          </label>
        </div>
        <div className="list-tools">
          <button type="button" onClick={() => void importFile()}>
            {t('home.import')}
          </button>
          <ValueMapImportButton
            onOpenProject={(id) => navigate({ name: 'project', projectId: id, section: 'outcomes' })}
            onImported={() => void load()}
          />
        </div>
        {(message || undo) && (
          <div className="notice" role="status">
            {undo ? t('home.deleted', { name: undo.name }) : message}
            {undo && (
              <button type="button" onClick={() => void undoDelete()}>
                {t('home.undo')}
              </button>
            )}
            {pendingCopy !== null && (
              <button type="button" onClick={() => void importFile(true, pendingCopy)}>
                {t('home.importAsCopy')}
              </button>
            )}
          </div>
        )}
        {importProblems.length > 0 && (
          <ul className="problems" aria-label={t('home.importProblems')}>
            {importProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {projects === null ? (
          <p>{t('app.loading')}</p>
        ) : projects.length === 0 ? (
          <p className="empty">{search ? t('home.noMatch') : t('home.empty')}</p>
        ) : (
          <table className="projects">
            <thead>
              <tr>
                <th scope="col">{t('home.projectName')}</th>
                <th scope="col">{t('home.organisation')}</th>
                <th scope="col">{t('home.contents')}</th>
                <th scope="col">{t('home.lastEdited')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('home.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id} className={p.archived ? 'archived' : undefined}>
                  <td>
                    {renaming?.id === p.id ? (
                      <form className="inline-rename" onSubmit={(e) => void saveRename(e)}>
                        <label className="visually-hidden" htmlFor={`rename-${p.id}`}>
                          {t('home.newName')}
                        </label>
                        <input
                          id={`rename-${p.id}`}
                          autoFocus
                          value={renaming.value}
                          onChange={(e) => setRenaming({ id: p.id, value: e.target.value })}
                          onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                        />
                        <button type="submit" className="primary">
                          {t('home.save')}
                        </button>
                        <button type="button" onClick={() => setRenaming(null)}>
                          {t('home.cancel')}
                        </button>
                      </form>
                    ) : (
                      <a href={`#/projects/${p.id}/scope`} className="project-link">
                        {p.name}
                      </a>
                    )}
                    {p.archived && <span className="tag">{t('home.archivedTag')}</span>}
                  </td>
                  <td>{p.organisation}</td>
                  <td>
                    {t('home.counts', {
                      stakeholders: p.stakeholderCount,
                      inputs: p.inputCount,
                      outcomes: p.outcomeCount,
                    })}
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.updatedAt, locale)}</td>
                  <td>
                    {/* A flex container inside the cell: display:flex on the <td> itself takes it out of the
                        table layout, and its borders no longer line up with the row's. */}
                    <div className="row-actions">
                      <button
                        type="button"
                        onClick={() => setRenaming({ id: p.id, value: p.name })}
                        aria-label={t('home.renameLabel', { name: p.name })}
                      >
                        {t('home.rename')}
                      </button>
                      <button
                        type="button"
                        onClick={() => void duplicate(p)}
                        aria-label={t('home.duplicateLabel', { name: p.name })}
                      >
                        {t('home.duplicate')}
                      </button>
                      <button
                        type="button"
                        onClick={() => void archive(p)}
                        aria-label={t('home.archiveLabel', { name: p.name })}
                      >
                        {p.archived ? t('home.unarchive') : t('home.archive')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void remove(p)}
                        aria-label={t('home.deleteLabel', { name: p.name })}
                      >
                        {t('home.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <TemplatesSection />
    </main>
  );
}
