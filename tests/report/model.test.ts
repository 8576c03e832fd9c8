// The report's content model (shared/report): W2's figures in sentences and tables, the sections the user
// chose and only those, stories only with consent and never the name of an anonymised one, every proxy in the
// sources table, the conventions actually used in the methods appendix, and no untranslated keys.
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import { analyseProject } from '../../shared/report/analysis';
import { buildReport, reportableStories } from '../../shared/report/build';
import { defaultReportOptions, parseSectionList, ReportOptions, ReportPayload } from '../../shared/report/options';
import { REPORT_SECTIONS, type ReportBlock, type ReportModel } from '../../shared/report/types';
import type { Project } from '../../shared/model';
import {
  ANONYMISED_NAME,
  ANONYMISED_TEXT,
  englishReportText,
  NAMED_TEXT,
  NAMED_WHO,
  richW2,
  SECRET_NAME,
  SECRET_TEXT,
  w2Project,
} from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from '../../shared/i18n/translate';
import { repoRoot } from '../support/repo-root';

function build(project: Project, changes: Partial<ReportOptions> = {}, locale = 'en-GB'): ReportModel {
  const options = { ...defaultReportOptions(), ...changes };
  return buildReport({
    project,
    analysis: analyseProject(project, options),
    options,
    t: englishReportText(),
    locale,
    date: '2025-06-01',
    appVersion: '9.9.9',
  });
}

function allText(model: ReportModel): string {
  const block = (b: ReportBlock): string[] => {
    switch (b.type) {
      case 'paragraph':
      case 'subheading':
        return [b.text];
      case 'list':
        return b.items;
      case 'keyFigures':
      case 'facts':
        return b.items.flatMap((i) => [i.label, i.value]);
      case 'table':
        return [b.caption, b.note ?? '', ...b.columns.map((c) => c.label), ...b.rows.flatMap((r) => r.cells)];
      case 'chart':
        return [b.title];
      case 'story':
        return [b.text, b.attribution ?? '', b.about, b.date ?? ''];
    }
  };
  return [
    model.title,
    model.subtitle,
    model.headline,
    ...model.cover.flatMap((c) => [c.label, c.value]),
    ...model.sections.flatMap((s) => [s.title, ...s.blocks.flatMap(block)]),
  ].join('\n');
}

const tableOf = (model: ReportModel, id: string) => {
  for (const s of model.sections) {
    for (const b of s.blocks) if (b.type === 'table' && b.id === id) return b;
  }
  throw new Error(`no table ${id}`);
};

describe('report content for W2', () => {
  const model = build(w2Project());

  it('says the ratio in one sentence, on the cover and first in the summary', () => {
    expect(model.headline).toBe('Every 1 EUR invested creates 1.70 EUR of social value: an SROI ratio of 1.70 : 1.');
    const summary = model.sections[0];
    expect(summary.id).toBe('summary');
    expect(summary.blocks[0]).toEqual({ type: 'paragraph', tone: 'lead', text: model.headline });
    expect(summary.blocks.some((b) => b.type === 'chart' && b.chart === 'headline')).toBe(true);
  });

  it('has every section, numbered in order, with its anchor', () => {
    expect(model.sections.map((s) => s.id)).toEqual([...REPORT_SECTIONS]);
    expect(model.sections.map((s) => s.number)).toEqual(REPORT_SECTIONS.map((_, i) => i + 1));
    expect(model.sections.every((s) => s.anchor === `report-${s.id}`)).toBe(true);
  });

  it('prints the key figures of METHOD.md W2 to the cent', () => {
    const text = allText(model);
    for (const figure of ['180,737.35 EUR', '106,250.00 EUR', '74,487.35 EUR', '194,387.50 EUR', '18.7 months']) {
      expect(text).toContain(figure);
    }
    const impact = tableOf(model, 'impact-map');
    expect(impact.rows.map((r) => r.cells[9])).toEqual([
      '64,927.54',
      '112,043.10',
      '5,699.08',
      '-1,932.37',
      '180,737.35',
    ]);
    expect(impact.rows[0].cells.slice(0, 4)).toEqual([
      'People who use drugs',
      'Overdose deaths averted',
      'Overdoses reversed with naloxone that would otherwise have been fatal',
      '3',
    ]);
  });

  it('lists the adjustments of every outcome with percentages', () => {
    const adjustments = tableOf(model, 'adjustments');
    expect(adjustments.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ['Overdose deaths averted', '20 %', '0 %', '30 %', '0 %'],
      ['Retained in opioid agonist treatment', '25 %', '0 %', '50 %', '30 %'],
      ['Fewer discarded syringes near homes', '50 %', '0 %', '0 %', '0 %'],
      ['Nuisance displaced to a nearby street', '0 %', '0 %', '0 %', '0 %'],
    ]);
  });

  it("prints METHOD.md's switching values: OAT proxy 2,011.14, the others cannot reach 1 : 1", () => {
    const switching = tableOf(model, 'switching');
    const oat = switching.rows[1].cells;
    expect(oat[0]).toBe('Retained in opioid agonist treatment');
    expect(oat[1]).toBe('× 0.34');
    expect(oat[2]).toBe('2,011.14 EUR');
    expect(switching.rows[0].cells[1]).toBe('cannot reach');
    expect(switching.rows[3].cells[1]).toBe('× 39.55');
  });

  it('has a sources row for every proxy, with its source', () => {
    const sources = tableOf(model, 'sources');
    expect(sources.rows).toHaveLength(4);
    expect(sources.rows.every((r) => r.cells[5] === 'Constructed for METHOD.md')).toBe(true);
    expect(sources.rows[0].cells[2]).toBe('40,000.00 EUR (2025)');
  });

  it('states the conventions actually used in the methods appendix', () => {
    const methods = model.sections.find((s) => s.id === 'methods');
    const text = methods ? methods.blocks.map((b) => JSON.stringify(b)).join(' ') : '';
    expect(text).toContain('3.5 %');
    expect(text).toContain('Year 1 discounted (SROI Guide)');
    expect(text).toContain('PV = Σ V(t) / (1 + r)^t');
    expect(text).toContain('1 outcome starts after the activity');
    expect(text).toContain('All inputs are in year 1');
    expect(text).toContain('SROI Studio 9.9.9');
    // No Monte Carlo in W2: its settings are not claimed.
    expect(text).not.toContain('seed');
  });

  it('says no Monte Carlo was run when no assumption carries a distribution', () => {
    expect(allText(model)).toContain('No assumption carries a probability distribution');
  });

  it('uses the year0 convention when the model does', () => {
    const year0 = build({ ...w2Project(), settings: { discountRate: '0.035', yearOneConvention: 'year0' } });
    expect(year0.headline).toContain('1.76 : 1');
    expect(allText(year0)).toContain('PV = Σ V(t) / (1 + r)^(t − 1)');
  });

  it('leaves no catalogue key untranslated', () => {
    const keyLike = /(^|\s)(report\.)?[a-z]+\.[a-zA-Z_-]+(\s|$)/;
    const lines = allText(build(richW2())).split('\n');
    expect(lines.filter((line) => keyLike.test(line.trim()) && !/\s/.test(line.trim()))).toEqual([]);
    expect(lines.filter((line) => line.includes('{{'))).toEqual([]);
  });

  it('writes numbers in the reader locale', () => {
    const pt = build(w2Project(), {}, 'pt-PT');
    expect(pt.headline).toContain('1,70 : 1');
    expect(allText(pt)).toContain('180.737,35 EUR');
  });
});

describe('choosing sections', () => {
  it('builds only the chosen sections, in report order', () => {
    const model = build(w2Project(), { sections: ['sources', 'summary', 'results'] });
    expect(model.sections.map((s) => s.id)).toEqual(['summary', 'results', 'sources']);
    expect(model.sections.map((s) => s.number)).toEqual([1, 2, 3]);
  });

  it('computes no sensitivity or cost-effectiveness when they are not chosen', () => {
    const analysis = analyseProject(richW2(), { sections: ['summary'], monteCarlo: { iterations: 1000, seed: 1 } });
    expect(analysis.oneWay).toBeNull();
    expect(analysis.numericSwitching).toBeNull();
    expect(analysis.monteCarlo).toBeNull();
    expect(analysis.costEffectiveness).toBeNull();
  });

  it('parses a section list from the command line', () => {
    expect(parseSectionList('results, summary')).toEqual({ ok: true, sections: ['summary', 'results'] });
    const bad = parseSectionList('summary,appendix');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('"appendix"');
  });

  it('refuses options without a section, and a payload with an invalid project', () => {
    expect(ReportOptions.safeParse({ ...defaultReportOptions(), sections: [] }).success).toBe(false);
    const project = { ...w2Project(), outcomes: [{ ...w2Project().outcomes[0], deadweight: '1.5' }] };
    expect(ReportPayload.safeParse({ project, options: defaultReportOptions() }).success).toBe(false);
  });
});

describe('stories', () => {
  const project = richW2();

  it('prints only stories told with consent', () => {
    const text = allText(build(project));
    expect(text).toContain(ANONYMISED_TEXT);
    expect(text).toContain(NAMED_TEXT);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(SECRET_NAME);
  });

  it('never shows the name of an anonymised story, even when one was typed', () => {
    const model = build(project);
    const text = allText(model);
    expect(text).not.toContain(ANONYMISED_NAME);
    const stories = model.sections.find((s) => s.id === 'stories')?.blocks.filter((b) => b.type === 'story') ?? [];
    expect(stories).toHaveLength(2);
    expect(stories[0]).toMatchObject({ attribution: 'Name withheld', about: 'About: Overdose deaths averted' });
    expect(stories[1]).toMatchObject({ attribution: NAMED_WHO, about: 'About: The programme as a whole' });
  });

  it('prints only the chosen stories, and never one without consent even when chosen', () => {
    const chosen = build(project, { storyIds: ['story-named', 'story-secret'] });
    const text = allText(chosen);
    expect(text).toContain(NAMED_TEXT);
    expect(text).not.toContain(ANONYMISED_TEXT);
    expect(text).not.toContain(SECRET_TEXT);
    expect(reportableStories(project, ['story-secret'])).toEqual([]);
  });

  it('says so when no story with consent is chosen', () => {
    expect(allText(build(project, { storyIds: [] }))).toContain('No stories told with consent were chosen');
  });
});

describe('a fuller model', () => {
  const project = richW2();
  const model = build(project);
  const text = allText(model);

  it('runs Monte Carlo where assumptions carry distributions, with the seed in the appendix', () => {
    expect(text).toContain('10,000 iterations');
    expect(text).toContain('seed 20250101');
    expect(tableOf(model, 'monte-carlo').rows.map((r) => r.cells[0])).toEqual([
      'SROI ratio',
      'Present value (EUR)',
      'NPV (EUR)',
    ]);
    expect(
      model.sections
        .find((s) => s.id === 'sensitivity')
        ?.blocks.some((b) => b.type === 'chart' && b.chart === 'histogram'),
    ).toBe(true);
  });

  it('prints cost per output and the comparison of strategies', () => {
    const perOutput = tableOf(model, 'cost-per-output');
    expect(perOutput.rows[0].cells).toEqual(['Naloxone kits given', '420 kits', '252.98']);
    const strategies = tableOf(model, 'strategies');
    expect(strategies.rows.map((r) => r.cells[0])).toEqual(['No programme', 'Street outreach', 'Scale-up to two vans']);
    expect(strategies.rows[1].cells[4]).toBe('ICER 35,416.67 EUR per deaths averted against No programme');
  });

  it('shows outputs in the theory of change, also those tied to no group', () => {
    expect(tableOf(model, 'theory-pwud').rows.some((r) => r.cells[1] === 'Naloxone kits given')).toBe(true);
    expect(tableOf(model, 'theory-unassigned').rows[0].cells.slice(1)).toEqual(['Street contacts', '605 contacts']);
  });

  it('gives the reasons for the adjustments: notes, contributions of others, evidence', () => {
    const reasons = tableOf(model, 'adjustments').rows[0].cells[5];
    expect(reasons).toContain('Half of the reversals');
    expect(reasons).toContain('Emergency services 30 %');
    expect(reasons).toContain('Evidence: Service records.');
  });

  it('lists the evidence', () => {
    expect(tableOf(model, 'evidence').rows[0].cells).toEqual([
      'Outreach log of naloxone administrations',
      'administrative data',
      'Overdose deaths averted',
      'Service records, 2025',
    ]);
  });
});

describe('edge cases', () => {
  it('a project with no inputs: the ratio is n/a, never infinite', () => {
    const model = build({ ...w2Project(), inputs: [] });
    expect(model.headline).toContain('not available');
    expect(allText(model)).not.toMatch(/Infinity|NaN/);
  });

  it('an empty project still builds every section', () => {
    const p = w2Project();
    const model = build({ ...p, stakeholders: [], inputs: [], outcomes: [] });
    expect(model.sections).toHaveLength(REPORT_SECTIONS.length);
    expect(allText(model)).not.toMatch(/Infinity|NaN|undefined/);
  });

  it('the engine result can be passed in and is used as is', () => {
    const project = w2Project();
    const result = computeSroi(project);
    expect(analyseProject(project, defaultReportOptions(), result).result).toBe(result);
  });
});

describe('report content in Portuguese', () => {
  const catalogue = (path: string) =>
    JSON.parse(readFileSync(join(repoRoot(), path), 'utf8')) as Parameters<typeof createTranslator>[0];
  const report = catalogue('renderer/src/i18n/pt/report.json').report as Parameters<typeof createTranslator>[0];
  const engine = catalogue('shared/i18n/engine/pt.json');

  it("prints the engine's warnings in the reader's language, and in English without the engine catalogue", () => {
    const project = w2Project();
    const options = defaultReportOptions();
    const args = {
      project,
      analysis: analyseProject(project, options),
      options,
      t: createTranslator(report, 'pt'),
      locale: 'pt-PT',
      date: '2025-06-01',
    };
    const english = allText(buildReport(args));
    const portuguese = allText(buildReport({ ...args, engine: createTranslator(engine, 'pt') }));
    expect(english).toContain('"Retained in opioid agonist treatment" is 62 % of all value');
    expect(portuguese).not.toContain('of all value');
    expect(portuguese).toMatch(/Retained in opioid agonist treatment.{0,20}62 %/);
  });
});
