/** Stage 1, scope: who is evaluating what, for which period, in which currency and with which conventions. */
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/model';
import { NumberField, SelectField, TextField } from '../components/fields';
import type { ProjectState } from '../hooks/useProject';

export function ScopeScreen({ state, project }: { state: ProjectState; project: Project }) {
  const { t } = useTranslation();
  const update = state.updateScope;
  return (
    <section aria-labelledby="scope-title">
      <h1 id="scope-title">{t('sections.scope')}</h1>
      <p className="lead">{t('scope.lead')}</p>
      {/* Two wide columns: the names, the programme and the two choices need the width to show in full. */}
      <div className="form-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))' }}>
        <TextField label={t('scope.name')} value={project.name} required onCommit={(name) => update({ name })} />
        <TextField
          label={t('scope.organisation')}
          value={project.organisation}
          onCommit={(organisation) => update({ organisation })}
        />
        <TextField
          label={t('scope.programme')}
          value={project.programme}
          multiline
          help={t('scope.programmeHelp')}
          onCommit={(programme) => update({ programme })}
        />
        <SelectField
          label={t('scope.analysisType')}
          value={project.analysisType}
          options={[
            { value: 'forecast', label: t('scope.forecast') },
            { value: 'evaluative', label: t('scope.evaluative') },
          ]}
          help={t('scope.analysisTypeHelp')}
          onCommit={(analysisType) => update({ analysisType })}
        />
        <TextField
          label={t('scope.periodStart')}
          value={project.period.start}
          help={t('scope.dateHelp')}
          onCommit={(start) => update((latest) => ({ period: { ...latest.period, start } }))}
        />
        <TextField
          label={t('scope.periodEnd')}
          value={project.period.end}
          help={t('scope.dateHelp')}
          onCommit={(end) => update((latest) => ({ period: { ...latest.period, end } }))}
        />
        <NumberField
          label={t('scope.priceYear')}
          value={String(project.priceYear)}
          integer
          min={1900}
          max={2200}
          help={t('scope.priceYearHelp')}
          onCommit={(v) => update({ priceYear: Number(v) })}
        />
        <TextField
          label={t('scope.currency')}
          value={project.currency}
          help={t('scope.currencyHelp')}
          onCommit={(currency) => update({ currency: currency.trim().toUpperCase() })}
        />
        <NumberField
          label={t('scope.discountRate')}
          value={project.settings.discountRate}
          percent
          help={t('scope.discountRateHelp')}
          onCommit={(discountRate) => update((latest) => ({ settings: { ...latest.settings, discountRate } }))}
        />
        <SelectField
          label={t('scope.yearOne')}
          value={project.settings.yearOneConvention}
          options={[
            { value: 'guide', label: t('scope.yearOneGuide') },
            { value: 'year0', label: t('scope.yearOneYear0') },
          ]}
          help={t('scope.yearOneHelp')}
          onCommit={(yearOneConvention) =>
            update((latest) => ({ settings: { ...latest.settings, yearOneConvention } }))
          }
        />
      </div>
    </section>
  );
}
