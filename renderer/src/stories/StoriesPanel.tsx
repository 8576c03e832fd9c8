/**
 * The stories of one outcome: a quote or a case narrative told by someone who lived the change. A story is
 * anonymised by default (who said it is hidden here and in reports) and is used in reports only with the
 * person's consent, which is never assumed: the box starts unticked and a story without it is marked.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project, Story } from '../../../shared/model';
import { useLocale } from '../hooks/useLocale';
import type { ProjectState } from '../hooks/useProject';
import './stories.css';

type Draft = Pick<Story, 'kind' | 'text' | 'attributedTo' | 'consent' | 'anonymised'> & { date: string };

const EMPTY: Draft = { kind: 'quote', text: '', attributedTo: '', date: '', consent: false, anonymised: true };

function draftOf(story: Story): Draft {
  return {
    kind: story.kind,
    text: story.text,
    attributedTo: story.attributedTo,
    date: story.date ?? '',
    consent: story.consent,
    anonymised: story.anonymised,
  };
}

function formatDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The form to add or edit a story. */
function StoryForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: Draft;
  submitLabel: string;
  onSubmit: (draft: Draft) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<Draft>) => setDraft((d) => ({ ...d, ...changes }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.trim() === '') return setError(t('stories.textRequired'));
    setBusy(true);
    const problem = await onSubmit(draft);
    setBusy(false);
    setError(problem);
    if (problem === null && !onCancel) setDraft(EMPTY);
  };

  return (
    <form className="story-form" onSubmit={(e) => void submit(e)}>
      <div className="story-form-grid">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('stories.kind')}</label>
          <select id={`${id}-kind`} value={draft.kind} onChange={(e) => set({ kind: e.target.value as Draft['kind'] })}>
            <option value="quote">{t('stories.quote')}</option>
            <option value="case">{t('stories.case')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('stories.date')}</label>
          <input id={`${id}-date`} type="date" value={draft.date} onChange={(e) => set({ date: e.target.value })} />
        </div>
        <div className="field story-text">
          <label htmlFor={`${id}-text`}>
            {draft.kind === 'quote' ? t('stories.quoteText') : t('stories.caseText')}
          </label>
          <textarea
            id={`${id}-text`}
            rows={draft.kind === 'quote' ? 3 : 6}
            value={draft.text}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-text-help`}
            onChange={(e) => set({ text: e.target.value })}
          />
          <p className="help" id={`${id}-text-help`}>
            {t('stories.textHelp')}
          </p>
        </div>
        <div className="story-checks">
          <label className="checkbox">
            <input type="checkbox" checked={draft.consent} onChange={(e) => set({ consent: e.target.checked })} />
            {t('stories.consent')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.anonymised} onChange={(e) => set({ anonymised: e.target.checked })} />
            {t('stories.anonymised')}
          </label>
        </div>
        {draft.anonymised ? (
          <p className="story-note" id={`${id}-anon-note`}>
            {t('stories.anonymisedFormNote')}
          </p>
        ) : (
          <div className="field story-attribution">
            <label htmlFor={`${id}-who`}>{t('stories.attributedTo')}</label>
            <input
              id={`${id}-who`}
              type="text"
              value={draft.attributedTo}
              placeholder={t('stories.attributedToExample')}
              onChange={(e) => set({ attributedTo: e.target.value })}
            />
            <p className="help">{t('stories.attributedToHelp')}</p>
          </div>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="story-actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('stories.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function StoriesPanel({
  state,
  project,
  outcomeId,
}: {
  state: ProjectState;
  project: Project;
  outcomeId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stories = project.stories.filter((s) => s.outcomeId === outcomeId);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const toStory = (draft: Draft, base: Pick<Story, 'id' | 'outcomeId'>): Story => ({
    ...base,
    kind: draft.kind,
    text: draft.text.trim(),
    consent: draft.consent,
    anonymised: draft.anonymised,
    attributedTo: draft.attributedTo.trim(),
    date: draft.date === '' ? null : draft.date,
  });
  const saveStory = async (story: Story): Promise<string | null> => {
    const result = await state.saveItem('stories', story);
    return result.ok ? null : (result.error.fields?.[0]?.message ?? result.error.message);
  };
  const remove = async (story: Story) => {
    const result = await state.deleteItem('stories', story.id);
    setError(result.ok ? null : result.error.message);
    if (editing === story.id) setEditing(null);
  };

  return (
    <section className="stories" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('stories.title')} <span className="story-count">({stories.length})</span>
      </h3>
      {stories.length === 0 && !adding && <p className="empty">{t('stories.empty')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul className="story-list">
        {stories.map((story) => (
          <li key={story.id} className={`story ${story.consent ? '' : 'no-consent'}`}>
            {editing === story.id ? (
              <StoryForm
                initial={draftOf(story)}
                submitLabel={t('stories.saveChanges')}
                onSubmit={async (draft) => {
                  const problem = await saveStory(toStory(draft, story));
                  if (problem === null) setEditing(null);
                  return problem;
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <article aria-label={t(story.kind === 'quote' ? 'stories.quoteLabel' : 'stories.caseLabel')}>
                <div className="story-tags">
                  <span className="tag">{story.kind === 'quote' ? t('stories.quote') : t('stories.case')}</span>
                  {story.consent ? (
                    <span className="tag consent-ok">{t('stories.consentGiven')}</span>
                  ) : (
                    <span className="tag consent-missing">{t('stories.noConsent')}</span>
                  )}
                  {story.date && <span className="story-date">{formatDate(story.date, locale)}</span>}
                </div>
                {story.kind === 'quote' ? (
                  <blockquote className="story-text">“{story.text}”</blockquote>
                ) : (
                  <p className="story-text case">{story.text}</p>
                )}
                {story.anonymised ? (
                  <p className="story-note">{t('stories.anonymisedNote')}</p>
                ) : story.attributedTo !== '' ? (
                  <p className="story-who">— {story.attributedTo}</p>
                ) : (
                  <p className="story-note">{t('stories.noAttribution')}</p>
                )}
                <div className="story-actions">
                  <button type="button" onClick={() => setEditing(story.id)}>
                    {t('stories.edit')}
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(story)}>
                    {t('stories.delete')}
                  </button>
                </div>
              </article>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <div className="story-new">
          <h4>{t('stories.newTitle')}</h4>
          <StoryForm
            initial={EMPTY}
            submitLabel={t('stories.add')}
            onSubmit={async (draft) => {
              const problem = await saveStory(toStory(draft, { id: crypto.randomUUID(), outcomeId }));
              if (problem === null) setAdding(false);
              return problem;
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('stories.addButton')}
        </button>
      )}
    </section>
  );
}
