/**
 * On each outcome card: open the proxy library for this outcome, and adjust the current proxy's price year
 * and currency. Shows where the proxy came from (library entry, evidence grade, link) and the factors that
 * bring it into the model's prices.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveProxyValue } from '../../../shared/engine';
import { formatDecimal } from '../../../shared/format/locale';
import { SHIPPED_ENTRIES, proxyFromEntry, type LibraryEntry } from '../../../shared/library';
import type { FinancialProxy, Outcome, Project } from '../../../shared/model';
import { suggestionsFor } from '../../../shared/templates';
import { ExplainButton } from '../components/ExplainButton';
import type { ProjectState } from '../hooks/useProject';
import { useLocale } from '../hooks/useLocale';
import { AdjustmentEditor } from './AdjustmentEditor';
import { EntryCard, GradeBadge } from './EntryCard';
import { formatPublished } from './format';
import { LibraryBrowser } from './LibraryBrowser';
import { Modal } from './Modal';
import { PriceDataEditor } from './PriceDataEditor';
import { useUserLibrary } from './store';
import { UserEntries } from './UserEntries';
import './library.css';

type Tab = 'browse' | 'own' | 'prices';

function LibraryDialog({
  project,
  outcome,
  entries,
  onApply,
  onClose,
}: {
  project: Project;
  outcome: Outcome;
  entries: readonly LibraryEntry[];
  onApply: (proxy: FinancialProxy) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('browse');
  const [chosen, setChosen] = useState<LibraryEntry | null>(null);
  const model = { currency: project.currency, priceYear: project.priceYear };
  const tabs: Tab[] = ['browse', 'own', 'prices'];

  return (
    <Modal title={t('library.title', { outcome: outcome.name })} onClose={onClose}>
      <p className="library-intro">{t('library.intro', { currency: model.currency, year: model.priceYear })}</p>
      {chosen ? (
        <section className="apply-entry" aria-labelledby="apply-title">
          <h3 id="apply-title">{t('library.applyTitle', { outcome: outcome.name })}</h3>
          <EntryCard entry={chosen} />
          <AdjustmentEditor
            value={chosen.value!}
            currency={chosen.currency!}
            priceYear={chosen.priceYear!}
            model={model}
            initial={{ priceIndex: null, exchangeRate: null }}
            submitLabel={t('library.applyButton')}
            onSubmit={async (adjustments) => {
              const built = proxyFromEntry(chosen, model, adjustments);
              return built.ok ? onApply(built.proxy) : built.problems.join('; ');
            }}
            onCancel={() => setChosen(null)}
          />
        </section>
      ) : (
        <>
          <div className="library-tabs" role="tablist" aria-label={t('library.tabsLabel')}>
            {tabs.map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                id={`library-tab-${k}`}
                aria-selected={tab === k}
                aria-controls={`library-panel-${k}`}
                className={tab === k ? 'selected' : undefined}
                onClick={() => setTab(k)}
              >
                {t(`library.tabs.${k}`)}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`library-panel-${tab}`} aria-labelledby={`library-tab-${tab}`}>
            {tab === 'browse' && (
              <LibraryBrowser
                entries={entries}
                suggestions={suggestionsFor(outcome.id)}
                outcomeName={outcome.name}
                onChoose={setChosen}
                projectName={project.name}
              />
            )}
            {tab === 'own' && <UserEntries defaults={model} onUse={setChosen} />}
            {tab === 'prices' && <PriceDataEditor projectName={project.name} />}
          </div>
        </>
      )}
    </Modal>
  );
}

function AdjustDialog({
  project,
  outcome,
  onSave,
  onClose,
}: {
  project: Project;
  outcome: Outcome;
  onSave: (changes: Partial<FinancialProxy>) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const proxy = outcome.proxy;
  const [currency, setCurrency] = useState(proxy.currency);
  const valid = /^[A-Z]{3}$/.test(currency);
  const model = { currency: project.currency, priceYear: project.priceYear };
  return (
    <Modal title={t('library.adjust.title', { outcome: outcome.name })} onClose={onClose} className="narrow">
      <p className="library-intro">{t('library.adjust.lead')}</p>
      <div className="field narrow">
        <label htmlFor="adjust-proxy-currency">{t('library.adjust.proxyCurrency')}</label>
        <input
          id="adjust-proxy-currency"
          value={currency}
          maxLength={3}
          onChange={(e) => setCurrency(e.target.value.toUpperCase())}
        />
      </div>
      {valid && (
        <AdjustmentEditor
          key={currency}
          value={proxy.value}
          currency={currency}
          priceYear={proxy.priceYear}
          model={model}
          initial={{
            priceIndex: proxy.priceIndex,
            exchangeRate: currency === proxy.currency ? proxy.exchangeRate : null,
          }}
          submitLabel={t('library.adjust.save')}
          onSubmit={(adjustments) =>
            onSave({
              currency,
              priceIndex: proxy.priceYear === model.priceYear ? null : adjustments.priceIndex,
              exchangeRate: currency === model.currency ? null : adjustments.exchangeRate,
            })
          }
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

export function OutcomeLibrary({
  state,
  project,
  outcome,
}: {
  state: ProjectState;
  project: Project;
  outcome: Outcome;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lib = useUserLibrary();
  const entries = useMemo(() => [...SHIPPED_ENTRIES, ...lib.entries], [lib.entries]);
  const [open, setOpen] = useState<'library' | 'adjust' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const proxy = outcome.proxy;
  const entry = proxy.libraryId === null ? null : (entries.find((e) => e.id === proxy.libraryId) ?? null);
  // The engine's own figure: the value in model prices with both factors, each with its source.
  const inModel = effectiveProxyValue(proxy, project.currency, project.priceYear);

  const saveProxy = async (changes: Partial<FinancialProxy>, done: string): Promise<string | null> => {
    const saved = await state.patchItem('outcomes', outcome.id, (latest) => ({
      ...latest,
      proxy: { ...latest.proxy, ...changes },
    }));
    if (!saved.ok) return saved.error.fields?.[0]?.message ?? saved.error.message;
    setOpen(null);
    setMessage(done);
    return null;
  };

  return (
    <div className="outcome-library">
      {outcome.notes.trim() !== '' && (
        <details className="outcome-guidance">
          <summary>{t('library.notesTitle')}</summary>
          <p>{outcome.notes}</p>
        </details>
      )}
      <div className="outcome-library-actions">
        <button
          type="button"
          onClick={() => setOpen('library')}
          aria-label={t('library.openFor', { outcome: outcome.name })}
        >
          {t('library.open')}
        </button>
        <button
          type="button"
          onClick={() => setOpen('adjust')}
          aria-label={t('library.adjust.openFor', { outcome: outcome.name })}
        >
          {t('library.adjust.open')}
        </button>
      </div>
      <p className="proxy-provenance" data-testid="proxy-provenance">
        {proxy.libraryId !== null && (
          <>
            {t('library.fromLibrary')} {entry && <GradeBadge grade={entry.grade} />}{' '}
          </>
        )}
        {proxy.source !== '' && (
          <span className="citation">
            {t('library.citation')}: {proxy.source}
            {proxy.sourceUrl !== '' && (
              <>
                {' '}
                <a href={proxy.sourceUrl} target="_blank" rel="noreferrer noopener">
                  {t('library.link')}
                </a>
              </>
            )}
          </span>
        )}
        {proxy.source === '' && proxy.libraryId === null && t('library.noCitation')}
      </p>
      {(proxy.priceIndex !== null || proxy.exchangeRate !== null || proxy.currency !== project.currency) && (
        <p className="proxy-adjustments">
          {t('library.adjust.summaryFrom', {
            value: formatPublished(proxy.value, locale),
            currency: proxy.currency,
            year: proxy.priceYear,
          })}
          {proxy.priceIndex && (
            <>
              {' '}
              {t('library.adjust.summaryIndex', {
                series: proxy.priceIndex.series,
                from: formatPublished(proxy.priceIndex.indexAtPriceYear, locale),
                to: formatPublished(proxy.priceIndex.indexAtModelYear, locale),
              })}
            </>
          )}
          {proxy.exchangeRate && (
            <>
              {' '}
              {t('library.adjust.summaryRate', {
                rate: formatPublished(proxy.exchangeRate.rate, locale),
                date: proxy.exchangeRate.date,
                source: proxy.exchangeRate.source,
              })}
            </>
          )}
        </p>
      )}
      {(proxy.priceIndex !== null || proxy.exchangeRate !== null || proxy.currency !== project.currency) && (
        <p className="proxy-in-model">
          {t('library.adjust.summaryModel', {
            value: formatDecimal(inModel.value, 2, locale),
            currency: project.currency,
            year: project.priceYear,
          })}{' '}
          <ExplainButton explanation={inModel.explain} currency={project.currency} />
        </p>
      )}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {open === 'library' && (
        <LibraryDialog
          project={project}
          outcome={outcome}
          entries={entries}
          onClose={() => setOpen(null)}
          onApply={(next) => saveProxy(next, t('library.applied', { description: next.description }))}
        />
      )}
      {open === 'adjust' && (
        <AdjustDialog
          project={project}
          outcome={outcome}
          onClose={() => setOpen(null)}
          onSave={(changes) => saveProxy(changes, t('library.adjust.saved'))}
        />
      )}
    </div>
  );
}
