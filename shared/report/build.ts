/**
 * From a project, its engine results and the user's choices to the report's content (types.ts): every
 * sentence, table and chart reference, in the reader's language and number locale. Pure and deterministic:
 * the same inputs give the same report, so the HTML view, the PDF and the Word file say the same thing.
 *
 *   const analysis = analyseProject(project, options);
 *   const model = buildReport({ project, analysis, options, t, locale });
 */
import { renderMessage, type Message } from '../i18n/message';
import { outputCount, type TornadoRow } from '../engine';
import { Dec } from '../money/decimal';
import type { Input, Outcome, Project, Story } from '../model/schema';
import type { ReportAnalysis } from './analysis';
import { reportFormatter, type ReportFormatter } from './format';
import { orderedSections, type ReportOptions } from './options';
import type {
  ReportBlock,
  ReportModel,
  ReportSection,
  ReportSectionId,
  TableColumn,
  TableRow,
  Translate,
} from './types';

export interface BuildReportArgs {
  project: Project;
  analysis: ReportAnalysis;
  options: ReportOptions;
  /** Text of the "report" catalogue in the reader's language. */
  t: Translate;
  /** How numbers are written ("en-GB", "pt-PT"). */
  locale: string;
  /**
   * Text of the whole catalogue (root keys, e.g. "engine.warnings..."), for the engine's own sentences (warnings,
   * refusals); without it they are printed in the engine's English.
   */
  engine?: Translate;
  /** Interface language ("en"); defaults to the locale's language. */
  language?: string;
  /** ISO date printed on the cover. */
  date: string;
  appVersion?: string;
}

/** How many tornado rows a report prints (the chart draws fewer). */
export const TORNADO_TABLE_ROWS = 20;
export const TORNADO_CHART_ROWS = 10;

interface Context {
  /** An engine sentence in the reader's language: its message through the catalogue, else its English. */
  say: (message: Message | undefined, english: string) => string;
  project: Project;
  analysis: ReportAnalysis;
  options: ReportOptions;
  f: ReportFormatter;
  t: Translate;
  stakeholderName: (id: string) => string;
  outcomeName: (id: string | null) => string;
  appVersion: string;
}

const table = (
  id: string,
  caption: string,
  columns: TableColumn[],
  rows: TableRow[],
  extra: { note?: string; compact?: boolean } = {},
): ReportBlock => ({ type: 'table', id, caption, columns, rows, ...extra });

const text = (columnLabel: string, weight = 1): TableColumn => ({ label: columnLabel, weight });
const num = (columnLabel: string, weight = 1): TableColumn => ({ label: columnLabel, numeric: true, weight });

/** The stories a report may print: consent given, and chosen (all consented ones when nothing was chosen). */
export function reportableStories(project: Project, storyIds: readonly string[] | null): Story[] {
  return project.stories.filter((s) => s.consent && (storyIds === null || storyIds.includes(s.id)));
}

export function buildReport(args: BuildReportArgs): ReportModel {
  const { project, analysis, options, t, locale } = args;
  const language = args.language ?? locale.slice(0, 2);
  const f = reportFormatter(t, locale, project.currency);
  const stakeholders = new Map(project.stakeholders.map((s) => [s.id, s.name]));
  const outcomes = new Map(project.outcomes.map((o) => [o.id, o.name]));
  const engine = args.engine;
  const ctx: Context = {
    say: (message, english) => (engine && message ? renderMessage(message, engine, locale) : english),
    project,
    analysis,
    options,
    f,
    t,
    stakeholderName: (id) => stakeholders.get(id) ?? id,
    outcomeName: (id) => (id === null ? t('stories.general') : (outcomes.get(id) ?? id)),
    appVersion: args.appVersion ?? '',
  };

  const sections: ReportSection[] = orderedSections(options.sections).map((id, index) => ({
    id,
    anchor: `report-${id}`,
    number: index + 1,
    title: t(`sections.${id}`),
    blocks: BUILDERS[id](ctx),
  }));

  return {
    language,
    locale,
    paper: options.paper,
    title: project.name,
    subtitle: project.organisation,
    headline: headline(ctx),
    cover: [
      ...(project.organisation.trim() ? [{ label: t('cover.organisation'), value: project.organisation }] : []),
      {
        label: t('cover.period'),
        value: t('periodValue', { start: f.date(project.period.start), end: f.date(project.period.end) }),
      },
      { label: t('cover.analysis'), value: t(`analysisType.${project.analysisType}`) },
      { label: t('cover.prices'), value: t('pricesValue', { currency: project.currency, year: project.priceYear }) },
      { label: t('cover.produced'), value: f.date(args.date) },
    ],
    contentsTitle: t('contents'),
    sections,
    running: project.name,
    pageTemplate: t('pageTemplate', { page: '{{page}}', pages: '{{pages}}' }),
    producedWith: t('producedWith', { version: ctx.appVersion }).trim(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Summary

function headline({ analysis, f, t }: Context): string {
  const r = analysis.result;
  if (r.ratio.value === null) return t('headline.none', { pv: f.money(r.presentValue.value) });
  return t('headline.sentence', { ratio: f.fixed(r.ratio.value, 2), currency: f.currency });
}

function months(f: ReportFormatter, value: Dec | null): string {
  return value === null ? f.na : f.t('months', { value: f.fixed(value, 1) });
}

function keyFigures(ctx: Context, withUndiscounted: boolean): ReportBlock {
  const { f, t } = ctx;
  const r = ctx.analysis.result;
  return {
    type: 'keyFigures',
    items: [
      { label: t('figure.ratio'), value: r.ratio.value === null ? f.na : f.ratio(r.ratio.value) },
      { label: t('figure.pv'), value: f.money(r.presentValue.value) },
      { label: t('figure.investment'), value: f.money(r.investment.total.value) },
      { label: t('figure.npv'), value: f.money(r.netPresentValue.value) },
      ...(withUndiscounted ? [{ label: t('figure.undiscounted'), value: f.money(r.undiscountedValue.value) }] : []),
      { label: t('figure.netRatio'), value: r.netRatio.value === null ? f.na : f.ratio(r.netRatio.value) },
      { label: t('figure.paybackGuide'), value: months(f, r.paybackGuideMonths.value) },
      { label: t('figure.paybackDiscounted'), value: months(f, r.paybackDiscountedMonths.value) },
    ],
  };
}

function summary(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const r = ctx.analysis.result;
  const blocks: ReportBlock[] = [{ type: 'paragraph', tone: 'lead', text: headline(ctx) }];
  if (project.programme.trim()) blocks.push({ type: 'paragraph', text: project.programme.trim() });
  blocks.push({
    type: 'paragraph',
    text: t('summary.value', {
      count: Math.max(r.horizon, 1),
      pv: f.money(r.presentValue.value),
      investment: f.money(r.investment.total.value),
      npv: f.money(r.netPresentValue.value),
    }),
  });
  blocks.push({
    type: 'paragraph',
    text: t('summary.scope', {
      type: t(`analysisTypeLower.${project.analysisType}`),
      start: f.date(project.period.start),
      end: f.date(project.period.end),
      year: project.priceYear,
      rate: f.percent(r.settings.discountRate),
    }),
  });
  const ratio = r.ratio.value;
  if (ratio !== null && r.allProxiesSwitch.reachable && !ratio.eq(1)) {
    const k = r.allProxiesSwitch.value;
    blocks.push({
      type: 'paragraph',
      text: ratio.gt(1)
        ? t('summary.robustFall', { fall: f.percent(new Dec(1).minus(k), 0) })
        : t('summary.robustRise', { times: f.fixed(k, 2) }),
    });
  }
  const mc = ctx.analysis.monteCarlo;
  if (mc && mc.probabilityRatioAboveOne !== null) {
    blocks.push({
      type: 'paragraph',
      text: t('summary.monteCarlo', {
        iterations: f.count(String(mc.iterations)),
        share: f.percent(new Dec(mc.probabilityRatioAboveOne), 1),
      }),
    });
  }
  blocks.push(keyFigures(ctx, false));
  blocks.push({ type: 'chart', chart: 'headline', title: t('charts.headline') });
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Scope and stakeholders

function scope(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const blocks: ReportBlock[] = [
    {
      type: 'facts',
      items: [
        ...(project.organisation.trim() ? [{ label: t('cover.organisation'), value: project.organisation }] : []),
        {
          label: t('cover.period'),
          value: t('periodValue', { start: f.date(project.period.start), end: f.date(project.period.end) }),
        },
        { label: t('cover.analysis'), value: t(`analysisType.${project.analysisType}`) },
        { label: t('cover.prices'), value: t('pricesValue', { currency: project.currency, year: project.priceYear }) },
        { label: t('figure.discountRate'), value: f.percent(project.settings.discountRate) },
      ],
    },
  ];
  if (project.programme.trim()) {
    blocks.push({ type: 'subheading', text: t('scope.programme') });
    blocks.push({ type: 'paragraph', text: project.programme.trim() });
  }
  blocks.push({ type: 'subheading', text: t('scope.stakeholders') });
  if (project.stakeholders.length === 0) {
    blocks.push({ type: 'paragraph', text: t('scope.noStakeholders') });
    return blocks;
  }
  const consulted = project.stakeholders.reduce((acc, s) => acc + (s.peopleConsulted ?? 0), 0);
  blocks.push({
    type: 'paragraph',
    text: t('scope.stakeholdersLead', { count: project.stakeholders.length, consulted: f.count(String(consulted)) }),
  });
  blocks.push(
    table(
      'stakeholders',
      t('scope.stakeholdersCaption'),
      [
        text(t('col.stakeholder'), 3),
        num(t('col.size'), 1.2),
        num(t('col.consulted'), 1.4),
        text(t('col.involvement'), 5),
      ],
      project.stakeholders.map((s) => ({
        cells: [
          s.name,
          s.size === null ? t('notKnown') : f.count(String(s.size)),
          s.peopleConsulted === null ? t('notKnown') : f.count(String(s.peopleConsulted)),
          s.involvement.trim() || t('notRecorded'),
        ],
      })),
    ),
  );
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Theory of change

function inputMeasure(ctx: Context, input: Input): string {
  const { f, t } = ctx;
  const year = input.year > 1 ? t('theory.inYear', { year: input.year }) : '';
  if (input.kind === 'volunteer') {
    const amount = new Dec(input.hours).times(input.hourlyRate);
    return (
      t('theory.volunteer', {
        hours: f.count(input.hours),
        rate: f.amount(input.hourlyRate),
        amount: f.money(amount),
      }) + year
    );
  }
  return t(input.kind === 'cash' ? 'theory.cash' : 'theory.inKind', { amount: f.money(input.amount) }) + year;
}

function outcomeMeasure(ctx: Context, outcome: Outcome): string {
  const { f, t } = ctx;
  const parts = [
    outcome.indicator.trim() ? t('theory.indicator', { indicator: outcome.indicator.trim() }) : '',
    t('theory.quantity', { quantity: f.count(outcome.quantity) }),
  ].filter(Boolean);
  return parts.join('; ');
}

function outcomeLabel(ctx: Context, outcome: Outcome): string {
  const marks = [
    new Dec(outcome.proxy.value).isNeg() ? ctx.t('theory.disbenefit') : '',
    outcome.intended ? '' : ctx.t('theory.unintended'),
  ].filter(Boolean);
  return marks.length > 0 ? `${outcome.name} (${marks.join(', ')})` : outcome.name;
}

function theoryOfChange(ctx: Context): ReportBlock[] {
  const { project, t, f } = ctx;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('theory.lead') }];
  const columns = [text(t('col.stage'), 1.3), text(t('col.what'), 3.2), text(t('col.measure'), 4)];
  const outputRows = (outputs: Project['outputs']): TableRow[] =>
    outputs.map((o, i) => {
      const count = outputCount(o).value;
      return {
        cells: [
          i === 0 ? t('theory.outputs') : '',
          o.name,
          count === null ? f.na : `${f.count(count)}${o.unit.trim() ? ` ${o.unit.trim()}` : ''}`,
        ],
      };
    });
  const groupRows = (stakeholderId: string): TableRow[] => {
    const inputs = project.inputs.filter((i) => i.stakeholderId === stakeholderId);
    const outputs = project.outputs.filter((o) => o.stakeholderId === stakeholderId);
    const outcomes = project.outcomes.filter((o) => o.stakeholderId === stakeholderId);
    return [
      ...inputs.map((input, i) => ({
        cells: [i === 0 ? t('theory.inputs') : '', input.description, inputMeasure(ctx, input)],
      })),
      ...outputRows(outputs),
      ...outcomes.map((o, i) => ({
        cells: [i === 0 ? t('theory.outcomes') : '', outcomeLabel(ctx, o), outcomeMeasure(ctx, o)],
      })),
    ];
  };
  if (project.stakeholders.length === 0 && project.outputs.length === 0) {
    blocks.push({ type: 'paragraph', text: t('theory.none') });
    return blocks;
  }
  for (const s of project.stakeholders) {
    blocks.push({ type: 'subheading', text: s.name });
    const rows = groupRows(s.id);
    if (rows.length === 0) blocks.push({ type: 'paragraph', tone: 'note', text: t('theory.empty') });
    else blocks.push(table(`theory-${s.id}`, t('theory.caption', { group: s.name }), columns, rows));
  }
  const known = new Set(project.stakeholders.map((s) => s.id));
  const unassigned = project.outputs.filter((o) => o.stakeholderId === null || !known.has(o.stakeholderId));
  if (unassigned.length > 0) {
    blocks.push({ type: 'subheading', text: t('theory.unassigned') });
    blocks.push(table('theory-unassigned', t('theory.unassigned'), columns, outputRows(unassigned)));
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Impact map and adjustments

function impactMap(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const r = ctx.analysis.result;
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: t('impactMap.lead', { currency: project.currency, year: project.priceYear }) },
  ];
  if (project.outcomes.length === 0) {
    blocks.push({ type: 'paragraph', text: t('impactMap.none') });
    return blocks;
  }
  const c = { currency: project.currency };
  blocks.push(
    table(
      'impact-map',
      t('impactMap.caption'),
      [
        text(t('col.stakeholder'), 1.6),
        text(t('col.outcome'), 2.2),
        text(t('col.indicator'), 2.2),
        num(t('col.quantity'), 1),
        text(t('col.proxy'), 2),
        num(t('col.proxyValue', c), 1.3),
        num(t('col.years'), 0.7),
        text(t('col.starts'), 0.9),
        num(t('col.impact', c), 1.4),
        num(t('col.pv', c), 1.4),
      ],
      [
        ...project.outcomes.map((o, i) => {
          const res = r.outcomes[i];
          return {
            cells: [
              ctx.stakeholderName(o.stakeholderId),
              outcomeLabel(ctx, o),
              o.indicator.trim() || '—',
              f.count(o.quantity),
              o.proxy.description,
              f.amount(res.proxy.value),
              String(o.duration),
              t(`start.${o.start}`),
              f.amount(res.impact.value),
              f.amount(res.presentValue.value),
            ],
          };
        }),
        {
          emphasis: 'total' as const,
          cells: [t('total'), '', '', '', '', '', '', '', '', f.amount(r.presentValue.value)],
        },
      ],
      { compact: true, note: t('impactMap.note') },
    ),
  );
  return blocks;
}

function reasons(ctx: Context, o: Outcome): string {
  const { t, f } = ctx;
  const parts: string[] = [];
  if (o.notes.trim()) parts.push(o.notes.trim());
  if (o.attributionShares.length > 0) {
    parts.push(
      t('adjustments.shares', {
        list: o.attributionShares.map((s) => `${s.to} ${f.percent(s.share)}`).join(', '),
      }),
    );
  }
  if (o.evidenceSource.trim()) parts.push(t('adjustments.evidence', { source: o.evidenceSource.trim() }));
  return parts.length > 0 ? parts.join(' ') : t('adjustments.noReason');
}

function adjustments(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('adjustments.lead') }];
  if (project.outcomes.length === 0) {
    blocks.push({ type: 'paragraph', text: t('impactMap.none') });
    return blocks;
  }
  blocks.push(
    table(
      'adjustments',
      t('adjustments.caption'),
      [
        text(t('col.outcome'), 2.6),
        num(t('col.deadweight'), 1.1),
        num(t('col.displacement'), 1.2),
        num(t('col.attribution'), 1.1),
        num(t('col.dropOff'), 1),
        text(t('col.reasons'), 4.5),
      ],
      project.outcomes.map((o) => ({
        cells: [
          o.name,
          f.percent(o.deadweight),
          f.percent(o.displacement),
          f.percent(o.attribution),
          f.percent(o.dropOff),
          reasons(ctx, o),
        ],
      })),
    ),
  );
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Results

const share = (f: ReportFormatter, value: Dec | null) => (value === null ? f.na : f.share(value));

function results(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const r = ctx.analysis.result;
  const c = { currency: project.currency };
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: headline(ctx) },
    keyFigures(ctx, true),
    table(
      'by-outcome',
      t('results.byOutcome'),
      [text(t('col.outcome'), 4), num(t('col.impact', c), 1.6), num(t('col.pv', c), 1.6), num(t('col.share'), 1)],
      [
        ...r.outcomes.map((o) => ({
          cells: [o.name, f.amount(o.impact.value), f.amount(o.presentValue.value), share(f, o.shareOfValue)],
        })),
        { emphasis: 'total' as const, cells: [t('total'), '', f.amount(r.presentValue.value), ''] },
      ],
    ),
    table(
      'by-stakeholder',
      t('results.byStakeholder'),
      [text(t('col.stakeholder'), 4), num(t('col.pv', c), 1.6), num(t('col.share'), 1)],
      r.byStakeholder.map((s) => ({ cells: [s.label, f.amount(s.presentValue), share(f, s.shareOfValue)] })),
    ),
    table(
      'by-year',
      t('results.byYear'),
      [
        text(t('col.year'), 1),
        num(t('col.value', c), 1.6),
        num(t('col.discountFactor'), 1.2),
        num(t('col.pv', c), 1.6),
        num(t('col.inputs', c), 1.6),
      ],
      [
        ...r.byYear.map((y) => ({
          cells: [
            String(y.year),
            f.amount(y.value),
            f.fixed(y.discountFactor, 4),
            f.amount(y.presentValue),
            f.amount(y.investment),
          ],
        })),
        {
          emphasis: 'total' as const,
          cells: [
            t('total'),
            f.amount(r.undiscountedValue.value),
            '',
            f.amount(r.presentValue.value),
            f.amount(r.investment.nominalTotal),
          ],
        },
      ],
      { note: t('results.byYearNote', { rate: f.percent(r.settings.discountRate) }) },
    ),
    table(
      'inputs',
      t('results.inputs'),
      [
        text(t('col.input'), 3),
        text(t('col.stakeholder'), 2.2),
        text(t('col.kind'), 1.4),
        num(t('col.year'), 0.7),
        num(t('col.amount', c), 1.5),
        num(t('col.pvInputs', c), 1.5),
      ],
      [
        ...r.investment.inputs.map((i) => ({
          cells: [
            i.description,
            ctx.stakeholderName(i.stakeholderId),
            t(`kind.${i.kind}`),
            String(i.year),
            f.amount(i.amount.value),
            f.amount(i.presentValue),
          ],
        })),
        {
          emphasis: 'total' as const,
          cells: [t('total'), '', '', '', f.amount(r.investment.nominalTotal), f.amount(r.investment.total.value)],
        },
      ],
    ),
    { type: 'chart', chart: 'results', title: t('results.charts') },
  ];
  if (r.warnings.length > 0) {
    blocks.push({ type: 'subheading', text: t('results.warnings') });
    blocks.push({ type: 'list', items: r.warnings.map((w) => ctx.say(w.text, w.message)) });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Sensitivity

function switchingCell(f: ReportFormatter, value: { reachable: boolean; value?: Dec }, show: (d: Dec) => string) {
  return value.reachable && value.value !== undefined ? show(value.value) : f.t('switching.cannot');
}

function tornadoLabel(ctx: Context, row: TornadoRow): string {
  const { t } = ctx;
  const a = row.assumption;
  switch (a.kind) {
    case 'outcome':
      return t('tornado.outcomeField', { outcome: ctx.outcomeName(a.outcomeId), field: t(`field.${a.field}`) });
    case 'outcomeRemoved':
      return t('tornado.removed', { outcome: ctx.outcomeName(a.outcomeId) });
    case 'input': {
      const input = ctx.project.inputs.find((i) => i.id === a.inputId);
      return t('tornado.input', { input: input?.description ?? a.inputId });
    }
    case 'discountRate':
      return t('tornado.discountRate');
  }
}

function tornadoValue(ctx: Context, row: TornadoRow, value: Dec | null, end: 'low' | 'high'): string {
  const { f, t } = ctx;
  // "Outcome removed": low is the outcome left out, high the outcome as entered.
  if (row.unit === 'presence') return t(end === 'low' ? 'tornado.removedValue' : 'tornado.includedValue');
  if (value === null) return f.na;
  switch (row.unit) {
    case 'fraction':
    case 'rate':
      return f.percent(value);
    case 'money':
      return `${f.amount(value)} ${row.currency ?? f.currency}`;
    case 'years':
      return t('years', { count: value.toNumber() });
    default:
      return f.count(value);
  }
}

/** The rows of the tornado the report shows, with their labels and texts: the chart and the table use them. */
export interface TornadoView {
  measure: 'ratio' | 'netPresentValue';
  base: number;
  baseText: string;
  total: number;
  rows: Array<{
    key: string;
    label: string;
    lowValue: string;
    highValue: string;
    low: number;
    high: number;
    lowText: string;
    highText: string;
  }>;
}

export function tornadoView(
  project: Project,
  analysis: ReportAnalysis,
  t: Translate,
  locale: string,
  limit = TORNADO_TABLE_ROWS,
): TornadoView | null {
  const oneWay = analysis.oneWay;
  if (!oneWay || oneWay.rows.length === 0) return null;
  const f = reportFormatter(t, locale, project.currency);
  const outcomes = new Map(project.outcomes.map((o) => [o.id, o.name]));
  const ctx = {
    say: (_message: Message | undefined, english: string) => english,
    project,
    t,
    f,
    outcomeName: (id: string | null) => (id === null ? '' : (outcomes.get(id) ?? id)),
  } as Context;
  const byRatio = oneWay.measure === 'ratio';
  const measureOf = (c: { ratio: Dec | null; netPresentValue: Dec }) =>
    byRatio && c.ratio !== null ? c.ratio : c.netPresentValue;
  const show = (d: Dec) => (byRatio ? f.fixed(d, 2) : f.amount(d));
  const base = byRatio && oneWay.base.ratio !== null ? oneWay.base.ratio : oneWay.base.netPresentValue;
  return {
    measure: oneWay.measure,
    base: base.toNumber(),
    baseText: show(base),
    total: oneWay.rows.length,
    rows: oneWay.rows.slice(0, limit).map((row, i) => {
      const low = measureOf(row.low);
      const high = measureOf(row.high);
      return {
        key: `${i}`,
        label: tornadoLabel(ctx, row),
        lowValue: tornadoValue(ctx, row, row.low.value, 'low'),
        highValue: tornadoValue(ctx, row, row.high.value, 'high'),
        low: low.toNumber(),
        high: high.toNumber(),
        lowText: show(low),
        highText: show(high),
      };
    }),
  };
}

function sensitivity(ctx: Context): ReportBlock[] {
  const { project, analysis, f, t } = ctx;
  const r = analysis.result;
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('sensitivity.lead') }];
  if (project.outcomes.length === 0) {
    blocks.push({ type: 'paragraph', text: t('impactMap.none') });
    return blocks;
  }

  // Switching values
  blocks.push({ type: 'subheading', text: t('switching.title') });
  if (r.ratio.value === null) {
    blocks.push({ type: 'paragraph', text: t('switching.noRatio') });
  } else {
    blocks.push({
      type: 'paragraph',
      text: t(r.ratio.value.gte(1) ? 'switching.leadFall' : 'switching.leadRise', { ratio: f.ratio(r.ratio.value) }),
    });
    const numeric = new Map((analysis.numericSwitching?.outcomes ?? []).map((o) => [o.outcomeId, o]));
    blocks.push(
      table(
        'switching',
        t('switching.caption'),
        [
          text(t('col.outcome'), 2.6),
          num(t('col.multiplier'), 1.1),
          num(t('col.proxyAt'), 1.4),
          num(t('col.quantityAt'), 1.2),
          num(t('col.deadweightAt'), 1.2),
          num(t('col.attributionAt'), 1.2),
          num(t('col.dropOffAt'), 1.2),
          num(t('col.durationAt'), 1.1),
        ],
        r.outcomes.map((o, i) => {
          const s = o.switching;
          const source = project.outcomes[i];
          const n = numeric.get(o.id);
          return {
            cells: [
              o.name,
              switchingCell(f, s.multiplier, (d) => `× ${f.fixed(d, 2)}`),
              switchingCell(f, s.proxyValue, (d) => `${f.amount(d)} ${source.proxy.currency}`),
              switchingCell(f, s.quantity, (d) => f.count(d)),
              switchingCell(f, s.deadweight, (d) => f.percent(d, 1)),
              switchingCell(f, s.attribution, (d) => f.percent(d, 1)),
              n && n.dropOff.reachable ? f.percent(n.dropOff.value, 1) : t('switching.cannot'),
              n && n.duration.reachable
                ? t(n.duration.direction === 'up' ? 'switching.yearsAtLeast' : 'switching.yearsOrLess', {
                    count: n.duration.years,
                  })
                : t('switching.cannot'),
            ],
          };
        }),
        { compact: true, note: t('switching.note') },
      ),
    );
    const statements: string[] = [];
    if (r.allProxiesSwitch.reachable) {
      statements.push(t('switching.allProxies', { share: f.percent(r.allProxiesSwitch.value, 1) }));
    }
    statements.push(t('switching.investment', { amount: f.money(r.investmentSwitch) }));
    const rate = analysis.numericSwitching?.discountRate;
    if (rate) {
      const found = [rate.higher, rate.lower].filter((v) => v.reachable);
      statements.push(
        found.length === 0
          ? t('switching.rateNone')
          : t('switching.rate', {
              rates: found.map((v) => (v.reachable ? f.percent(v.value, 2) : '')).join(t('and')),
            }),
      );
    }
    blocks.push({ type: 'list', items: statements });
  }

  // One-way sensitivity
  const tornado = tornadoView(project, analysis, t, f.locale);
  if (tornado) {
    blocks.push({ type: 'subheading', text: t('tornado.title') });
    blocks.push({ type: 'paragraph', text: t('tornado.lead') });
    const measure = tornado.measure === 'ratio' ? t('col.ratio') : t('col.npv', { currency: f.currency });
    blocks.push(
      table(
        'tornado',
        t('tornado.caption'),
        [
          text(t('col.assumption'), 3.4),
          num(t('col.lowValue'), 1.4),
          num(t('col.highValue'), 1.4),
          num(t('col.atLow', { measure }), 1.2),
          num(t('col.atHigh', { measure }), 1.2),
        ],
        tornado.rows.map((row) => ({
          cells: [row.label, row.lowValue, row.highValue, row.lowText, row.highText],
        })),
        {
          note:
            tornado.total > tornado.rows.length
              ? t('tornado.shown', { shown: tornado.rows.length, total: tornado.total, base: tornado.baseText })
              : t('tornado.base', { base: tornado.baseText }),
        },
      ),
    );
    blocks.push({ type: 'chart', chart: 'tornado', title: t('charts.tornado') });
  }

  // Monte Carlo
  blocks.push({ type: 'subheading', text: t('monteCarlo.title') });
  const mc = analysis.monteCarlo;
  if (!mc) {
    blocks.push({ type: 'paragraph', text: t('monteCarlo.none') });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text: t('monteCarlo.lead', {
      iterations: f.count(String(mc.iterations)),
      count: mc.parameters.length,
      seed: String(mc.seed),
    }),
  });
  const c = { currency: project.currency };
  const summaryRow = (
    label: string,
    s: { mean: number; p2_5: number; p50: number; p97_5: number },
    places: number,
  ) => ({
    cells: [label, f.float(s.mean, places), f.float(s.p2_5, places), f.float(s.p50, places), f.float(s.p97_5, places)],
  });
  blocks.push(
    table(
      'monte-carlo',
      t('monteCarlo.caption'),
      [text(t('col.measure'), 2.4), num(t('col.mean')), num(t('col.p2_5')), num(t('col.median')), num(t('col.p97_5'))],
      [
        ...(mc.ratio ? [summaryRow(t('col.ratio'), mc.ratio, 2)] : []),
        summaryRow(t('col.pv', c), mc.presentValue, 2),
        summaryRow(t('col.npv', c), mc.netPresentValue, 2),
      ],
    ),
  );
  if (mc.probabilityRatioAboveOne !== null) {
    blocks.push({
      type: 'paragraph',
      text: t('monteCarlo.probability', { share: f.percent(new Dec(mc.probabilityRatioAboveOne), 1) }),
    });
  }
  if (mc.ratioHistogram && mc.ratioHistogram.bins.length > 0) {
    blocks.push({ type: 'chart', chart: 'histogram', title: t('charts.histogram') });
  }
  blocks.push(
    table(
      'monte-carlo-parameters',
      t('monteCarlo.parameters'),
      [
        text(t('col.outcome'), 3),
        text(t('col.assumption'), 1.4),
        text(t('col.distribution'), 1.4),
        num(t('col.base'), 1.2),
        num(t('col.mean'), 1.2),
        num(t('col.sd'), 1.2),
      ],
      mc.parameters.map((p) => {
        const fraction = p.field !== 'quantity' && p.field !== 'proxy';
        const show = (v: number) => (fraction ? f.percent(new Dec(v), 1) : f.float(v, 2));
        return {
          cells: [
            p.outcomeName,
            t(`field.${p.field}`),
            t(`distribution.${p.distribution}`),
            show(p.base),
            show(p.mean),
            show(p.sd),
          ],
        };
      }),
    ),
  );
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Cost-effectiveness

function costEffectiveness(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const ce = ctx.analysis.costEffectiveness;
  if (!ce) return [];
  const c = { currency: project.currency };
  const optional = (v: Dec | null, show: (d: Dec) => string) => (v === null ? f.na : show(v));
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: t('ce.lead', { cost: f.money(ce.totalCost.value) }) },
    {
      type: 'keyFigures',
      items: [
        { label: t('ce.totalCost'), value: f.money(ce.totalCost.value) },
        { label: t('ce.bcr'), value: optional(ce.benefitCostRatio.value, (d) => f.fixed(d, 2)) },
        { label: t('ce.roi'), value: optional(ce.returnOnInvestment.value, (d) => f.percent(d, 1)) },
      ],
    },
  ];
  if (ce.perOutput.length === 0) blocks.push({ type: 'paragraph', text: t('ce.noOutputs') });
  else {
    blocks.push(
      table(
        'cost-per-output',
        t('ce.perOutput'),
        [text(t('col.output'), 3), num(t('col.counted'), 1.5), num(t('col.costPer', c), 1.5)],
        ce.perOutput.map((o) => ({
          cells: [
            o.name,
            optional(o.count.value, (d) => `${f.count(d)}${o.unit.trim() ? ` ${o.unit.trim()}` : ''}`),
            optional(o.costPerOutput.value, (d) => f.amount(d)),
          ],
        })),
      ),
    );
  }
  if (ce.perOutcome.length > 0) {
    blocks.push(
      table(
        'cost-per-outcome',
        t('ce.perOutcome'),
        [text(t('col.outcome'), 3), num(t('col.netOutcomes'), 1.5), num(t('col.costPer', c), 1.5)],
        ce.perOutcome.map((o) => ({
          cells: [
            o.name,
            optional(o.netQuantity.value, (d) => f.count(d)),
            optional(o.costPerOutcome.value, (d) => f.amount(d)),
          ],
        })),
        { note: t('ce.perOutcomeNote') },
      ),
    );
  }
  blocks.push({ type: 'subheading', text: t('ce.strategies') });
  const s = ce.strategies;
  if (s === null) blocks.push({ type: 'paragraph', text: t('ce.noStrategies') });
  else if (!s.ok)
    blocks.push({
      type: 'paragraph',
      text: t('ce.strategiesRefused', { reason: ctx.say(s.explanationText, s.explanation) }),
    });
  else {
    const unit = project.effectUnit.trim() || t('ce.effectUnits');
    const names = new Map(s.value.strategies.map((x) => [x.id, x.name]));
    blocks.push(
      table(
        'strategies',
        t('ce.strategies'),
        [
          text(t('col.strategy'), 2.4),
          num(t('col.cost', c), 1.4),
          num(t('col.effect', { unit }), 1.2),
          text(t('col.status'), 1.8),
          text(t('col.comparison'), 3.2),
        ],
        s.value.strategies.map((x) => ({
          cells: [
            x.name,
            f.amount(x.cost),
            f.count(x.effect),
            t(`status.${x.status}`),
            x.increment === null
              ? '—'
              : x.increment.icer.value !== null
                ? t('ce.icer', {
                    icer: f.amount(x.increment.icer.value),
                    currency: project.currency,
                    unit,
                    comparator: names.get(x.increment.comparatorId) ?? x.increment.comparatorName,
                  })
                : t('ce.verdict', {
                    verdict: t(`verdict.${x.increment.verdict}`),
                    comparator: names.get(x.increment.comparatorId) ?? x.increment.comparatorName,
                  }),
          ],
        })),
        { note: t('ce.strategiesNote') },
      ),
    );
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Stories

function stories(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const chosen = reportableStories(project, ctx.options.storyIds);
  const blocks: ReportBlock[] = [{ type: 'paragraph', text: t('stories.lead') }];
  if (chosen.length === 0) {
    blocks.push({ type: 'paragraph', text: t('stories.none') });
    return blocks;
  }
  for (const s of chosen) {
    blocks.push({
      type: 'story',
      kind: s.kind,
      text: s.text,
      // An anonymised story never carries its name, whatever was typed in the field.
      attribution: s.anonymised ? t('stories.anonymous') : s.attributedTo.trim() || null,
      about: t('stories.about', { outcome: ctx.outcomeName(s.outcomeId) }),
      date: s.date === null ? null : f.date(s.date),
    });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------------------
// Methods appendix

function methods(ctx: Context): ReportBlock[] {
  const { project, analysis, f, t } = ctx;
  const r = analysis.result;
  const rate = f.percent(r.settings.discountRate);
  const items: string[] = [t('methods.investmentAll'), t('methods.impact'), t('methods.dropOff')];
  const after = project.outcomes.filter((o) => o.start === 'after').length;
  if (after > 0) items.push(t('methods.after', { count: after }));
  items.push(t(r.settings.yearOneConvention === 'guide' ? 'methods.discountGuide' : 'methods.discountYear0', { rate }));
  items.push(t(project.inputs.some((i) => i.year > 1) ? 'methods.inputsYears' : 'methods.inputsOneYear'));
  if (project.inputs.some((i) => i.kind === 'volunteer')) items.push(t('methods.volunteer'));
  if (project.inputs.some((i) => i.kind === 'in-kind')) items.push(t('methods.inKind'));
  items.push(t('methods.ratio'));
  items.push(t('methods.payback'));
  const indexed = project.outcomes.filter((o) => o.proxy.priceIndex !== null).length;
  const converted = project.outcomes.filter((o) => o.proxy.exchangeRate !== null).length;
  items.push(
    indexed + converted === 0
      ? t('methods.noPriceAdjustment', { currency: project.currency, year: project.priceYear })
      : t('methods.priceAdjustment', { indexed, converted, year: project.priceYear, currency: project.currency }),
  );
  if (ctx.options.sections.includes('sensitivity')) {
    items.push(t('methods.switching'));
    if (analysis.oneWay) items.push(t('methods.oneWay'));
    const mc = analysis.monteCarlo;
    if (mc) {
      items.push(
        t('methods.monteCarlo', {
          iterations: f.count(String(mc.iterations)),
          seed: String(mc.seed),
          generator: mc.settings.generator,
        }),
      );
      items.push(t('methods.monteCarloClamping'));
    }
  }
  if (ctx.options.sections.includes('costEffectiveness')) items.push(t('methods.costEffectiveness'));
  items.push(t('methods.warnings'));
  items.push(t('methods.decimals', { version: ctx.appVersion }));
  return [
    { type: 'paragraph', text: t('methods.lead') },
    {
      type: 'facts',
      items: [
        { label: t('figure.discountRate'), value: rate },
        {
          label: t('methods.convention'),
          value: t(r.settings.yearOneConvention === 'guide' ? 'methods.conventionGuide' : 'methods.conventionYear0'),
        },
        { label: t('cover.prices'), value: t('pricesValue', { currency: project.currency, year: project.priceYear }) },
        { label: t('methods.horizon'), value: t('years', { count: r.horizon }) },
      ],
    },
    { type: 'list', items },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Sources

function proxyAdjustment(ctx: Context, o: Outcome): string {
  const { f, t, project } = ctx;
  const parts: string[] = [];
  const p = o.proxy;
  if (p.priceIndex) {
    const factor = new Dec(p.priceIndex.indexAtModelYear).div(p.priceIndex.indexAtPriceYear);
    parts.push(
      t('sources.index', {
        factor: f.fixed(factor, 4),
        series: p.priceIndex.series,
        from: p.priceYear,
        to: project.priceYear,
        source: p.priceIndex.source || '—',
      }),
    );
  }
  if (p.exchangeRate) {
    parts.push(
      t('sources.rate', {
        rate: f.fixed(p.exchangeRate.rate, 4),
        from: p.currency,
        to: project.currency,
        date: p.exchangeRate.date,
        source: p.exchangeRate.source || '—',
      }),
    );
  }
  return parts.length > 0 ? parts.join('; ') : t('sources.noAdjustment');
}

function sources(ctx: Context): ReportBlock[] {
  const { project, f, t } = ctx;
  const r = ctx.analysis.result;
  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: t('sources.lead', { currency: project.currency, year: project.priceYear }) },
  ];
  if (project.outcomes.length === 0) blocks.push({ type: 'paragraph', text: t('sources.none') });
  else {
    blocks.push(
      table(
        'sources',
        t('sources.caption'),
        [
          text(t('col.outcome'), 2),
          text(t('col.proxy'), 2.2),
          num(t('col.entered'), 1.6),
          text(t('col.adjustment'), 2),
          num(t('col.used', { currency: project.currency, year: project.priceYear }), 1.4),
          text(t('col.source'), 3.2),
        ],
        project.outcomes.map((o, i) => {
          const source = [o.proxy.source.trim(), o.proxy.sourceUrl.trim()].filter(Boolean).join(' ');
          return {
            cells: [
              o.name,
              o.proxy.description,
              t('sources.entered', {
                value: f.amount(o.proxy.value),
                currency: o.proxy.currency,
                year: o.proxy.priceYear,
              }),
              proxyAdjustment(ctx, o),
              f.amount(r.outcomes[i].proxy.value),
              source || t('sources.noSource'),
            ],
          };
        }),
        { compact: true },
      ),
    );
  }
  if (project.evidence.length > 0) {
    blocks.push(
      table(
        'evidence',
        t('sources.evidence'),
        [text(t('col.evidence'), 2.5), text(t('col.kind'), 1.3), text(t('col.outcome'), 2), text(t('col.citation'), 4)],
        project.evidence.map((e) => ({
          cells: [
            e.title,
            t(`evidenceKind.${e.kind.replace(' ', '-')}`),
            e.outcomeId === null ? t('stories.general') : ctx.outcomeName(e.outcomeId),
            [e.citation.trim(), e.url.trim()].filter(Boolean).join(' ') || '—',
          ],
        })),
      ),
    );
  }
  const inputs = project.inputs.filter(
    (i) => (i.kind === 'volunteer' && i.rateSource.trim()) || (i.kind === 'in-kind' && i.valuationSource.trim()),
  );
  if (inputs.length > 0) {
    blocks.push(
      table(
        'input-sources',
        t('sources.inputs'),
        [text(t('col.input'), 3), text(t('col.kind'), 1.4), text(t('col.source'), 5)],
        inputs.map((i) => ({
          cells: [
            i.description,
            t(`kind.${i.kind}`),
            i.kind === 'volunteer' ? i.rateSource : i.kind === 'in-kind' ? i.valuationSource : '',
          ],
        })),
      ),
    );
  }
  return blocks;
}

const BUILDERS: Record<ReportSectionId, (ctx: Context) => ReportBlock[]> = {
  summary,
  scope,
  theoryOfChange,
  impactMap,
  adjustments,
  results,
  sensitivity,
  costEffectiveness,
  stories,
  methods,
  sources,
};
