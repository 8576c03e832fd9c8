// Starter projects: each is a valid model file that computes, with guidance on every outcome and suggested
// proxies that exist in the library; the demo reproduces METHOD.md's W2 exactly.
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import { SHIPPED_ENTRIES, usableAsProxy } from '../../shared/library';
import { parseProjectFile, type ProjectFile } from '../../shared/model';
import { SUGGESTED_PROXIES, TEMPLATES, templateForImport } from '../../shared/templates';
import en from '../../renderer/src/i18n/en/library.json';

function parsed(file: unknown): ProjectFile {
  const result = parseProjectFile(file);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.where}: ${p.message}`).join('\n'));
  return result.value;
}

describe('templates', () => {
  it('offers the five starter projects and the W2 demo', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'needle-syringe-programme',
      'opioid-agonist-treatment',
      'naloxone-outreach',
      'drop-in-centre',
      'housing-first',
      'demo-w2-street-outreach',
    ]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s parses with parseProjectFile and computes', (_id, template) => {
    const file = parsed(template.file);
    const result = computeSroi(file.project);
    expect(result.outcomes).toHaveLength(file.project.outcomes.length);
    expect(file.project.stakeholders.length).toBeGreaterThan(2);
    expect(file.project.outcomes.length).toBeGreaterThan(3);
    const texts = en.library.templates.items as Record<string, { title: string; description: string }>;
    expect(texts[template.id].title).not.toBe('');
  });

  it.each(TEMPLATES.filter((t) => t.kind === 'template').map((t) => [t.id, t] as const))(
    '%s leaves quantities, proxies and adjustments to the user, with an indicator and guidance per outcome',
    (_id, template) => {
      const { project } = parsed(template.file);
      expect(project.outputs.length).toBeGreaterThan(2);
      for (const outcome of project.outcomes) {
        expect(outcome.indicator).not.toBe('');
        expect(outcome.notes).toMatch(/left at 0 % for you to set/);
        expect(outcome.quantity).toBe('0');
        expect([outcome.deadweight, outcome.displacement, outcome.attribution, outcome.dropOff]).toEqual([
          '0',
          '0',
          '0',
          '0',
        ]);
        expect(outcome.proxy.libraryId).toBeNull();
      }
    },
  );

  it('suggests only library entries that exist and can be used as proxies, for outcomes that exist', () => {
    const usable = new Set(SHIPPED_ENTRIES.filter(usableAsProxy).map((e) => e.id));
    const outcomeIds = new Set(TEMPLATES.flatMap((t) => parsed(t.file).project.outcomes.map((o) => o.id)));
    for (const [outcomeId, ids] of Object.entries(SUGGESTED_PROXIES)) {
      expect(outcomeIds.has(outcomeId), outcomeId).toBe(true);
      for (const id of ids) expect(usable.has(id), `${outcomeId} -> ${id}`).toBe(true);
    }
  });

  it('gets a new identity each time it is used', () => {
    const copy = templateForImport(TEMPLATES[0], 'fresh-id') as ProjectFile;
    expect(copy.project.id).toBe('fresh-id');
    expect((TEMPLATES[0].file as ProjectFile).project.id).toBe('template-nsp');
    expect(parsed(copy).project.outcomes).toHaveLength(4);
  });

  it('the demo reproduces METHOD.md W2', () => {
    const demo = TEMPLATES.find((t) => t.kind === 'demo')!;
    const result = computeSroi(parsed(demo.file).project);
    expect(result.presentValue.value.toFixed(6)).toBe('180737.349240');
    expect(result.ratio.value!.toFixed(6)).toBe('1.701057');
  });

  it('uses person-first language', () => {
    const text = JSON.stringify(TEMPLATES.map((t) => t.file)) + JSON.stringify(en);
    expect(text).not.toMatch(/\baddicts?\b|\baddicted\b|\bjunkies?\b|\bdrug abusers?\b/i);
  });
});
