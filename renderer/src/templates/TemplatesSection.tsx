/**
 * "Start from a template" on the projects home: starter projects for common harm-reduction services (and the
 * W2 worked example of METHOD.md as a demo). Creating one imports its model file as a new project, with a
 * fresh identity each time, and opens its impact map.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATES, templateForImport, type TemplateInfo } from '../../../shared/templates';
import { api } from '../api/client';
import { navigate } from '../app/router';
import './templates.css';

export function TemplatesSection() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (template: TemplateInfo) => {
    setBusy(template.id);
    setError(null);
    const result = await api.projects.importFile(templateForImport(template, crypto.randomUUID()), true);
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    navigate({
      name: 'project',
      projectId: result.value.id,
      section: template.kind === 'demo' ? 'results' : 'outcomes',
    });
  };

  return (
    <section aria-labelledby="templates-title" className="card templates">
      <h2 id="templates-title">{t('library.templates.title')}</h2>
      <p className="lead">{t('library.templates.lead')}</p>
      {error && (
        <p className="error banner" role="alert">
          {error}
        </p>
      )}
      <ul className="template-list">
        {TEMPLATES.map((template) => {
          const title = t(`library.templates.items.${template.id}.title`);
          return (
            <li key={template.id} className={`template kind-${template.kind}`}>
              <h3>
                {title}
                {template.kind === 'demo' && <span className="tag">{t('library.templates.demoTag')}</span>}
              </h3>
              <p>{t(`library.templates.items.${template.id}.description`)}</p>
              <button
                type="button"
                onClick={() => void create(template)}
                disabled={busy !== null}
                aria-label={t('library.templates.createLabel', { title })}
              >
                {busy === template.id ? t('library.templates.creating') : t('library.templates.create')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
