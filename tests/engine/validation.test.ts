/**
 * parseProjectFile (METHOD.md "Errors"): invalid model files are rejected with problems that name the field
 * (a path such as `project.outcomes[0].deadweight`) and say what is allowed; every problem at once.
 */
import { describe, expect, it } from 'vitest';
import { parseProjectFile, type Problem, type Project } from '../../shared/model';
import { cashInput, makeOutcome, makeProject, makeStakeholder, readW2Json, toFile, volunteerInput } from './fixtures';

type Json = Record<string, unknown>;

/** The model file as plain JSON data, so a test can put any value (a number, a missing key) anywhere. */
function fileJson(project: Project = baseProject()): Json {
  return JSON.parse(JSON.stringify(toFile(project))) as Json;
}

function baseProject(): Project {
  return makeProject({
    stakeholders: [makeStakeholder({ id: 's1', size: 100 }), makeStakeholder({ id: 's2', name: 'Residents' })],
    inputs: [cashInput('1000', { id: 'grant' }), volunteerInput('10', '9.5', { id: 'vol' })],
    outcomes: [
      makeOutcome({ id: 'o1', name: 'Overdose deaths averted' }),
      makeOutcome({ id: 'o2', name: 'Retained in treatment', stakeholderId: 's2' }),
    ],
  });
}

/** Set a value at a path of keys and indexes inside JSON data; `undefined` deletes the key. */
function setAt(data: Json, path: ReadonlyArray<string | number>, value: unknown): Json {
  let node: unknown = data;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[key];
  }
  const last = path[path.length - 1];
  const parent = node as Record<string | number, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return data;
}

function problemsOf(data: unknown): Problem[] {
  const parsed = parseProjectFile(data);
  if (parsed.ok) throw new Error('expected the file to be rejected, but it parsed');
  return parsed.problems;
}

/** Exactly one problem, at this path, with a message matching `message`. */
function expectOneProblem(data: unknown, path: string, message: RegExp): Problem {
  const problems = problemsOf(data);
  expect(problems.map((p) => p.path)).toEqual([path]);
  expect(problems[0].message).toMatch(message);
  return problems[0];
}

describe('valid files', () => {
  it('the W2 example parses, with its four outcomes and three inputs', () => {
    const parsed = parseProjectFile(readW2Json());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.project.outcomes.map((o) => o.id)).toEqual(['overdose', 'oat', 'syringes', 'nuisance']);
      expect(parsed.value.project.inputs).toHaveLength(3);
      expect(parsed.value.project.settings.discountRate).toBe('0.035');
    }
  });

  it('the base project of these tests parses', () => {
    expect(parseProjectFile(fileJson()).ok).toBe(true);
  });

  it.each(['0', '1', '0.5', '0.000001'])('a percentage of %s (a fraction within 0..1) is accepted', (v) => {
    const data = fileJson();
    for (const field of ['deadweight', 'displacement', 'attribution', 'dropOff']) {
      setAt(data, ['project', 'outcomes', 0, field], v);
    }
    expect(parseProjectFile(data).ok).toBe(true);
  });

  it('discount rate 0, duration 0, quantity 0 and input 0 are accepted', () => {
    const data = fileJson();
    setAt(data, ['project', 'settings', 'discountRate'], '0');
    setAt(data, ['project', 'outcomes', 0, 'duration'], 0);
    setAt(data, ['project', 'outcomes', 0, 'quantity'], '0');
    setAt(data, ['project', 'inputs', 0, 'amount'], '0');
    expect(parseProjectFile(data).ok).toBe(true);
  });

  it('a proxy in another currency with an exchange rate is accepted', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'proxy', 'currency'], 'USD');
    setAt(data, ['project', 'outcomes', 0, 'proxy', 'exchangeRate'], {
      rate: '0.92',
      date: '2025-06-30',
      source: 'ECB',
    });
    expect(parseProjectFile(data).ok).toBe(true);
  });
});

describe('field errors name the field and say what is allowed', () => {
  const percentFields = ['deadweight', 'displacement', 'attribution', 'dropOff'] as const;
  const outOfRange = ['1.5', '-0.1', '25', '1.0001'];
  const cases = percentFields.flatMap((field) => outOfRange.map((value) => ({ field, value })));

  it.each(cases)('$field = "$value" is outside 0..100 %', ({ field, value }) => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, field], value);
    const problem = expectOneProblem(data, `project.outcomes[0].${field}`, /between 0 % and 100 %/);
    expect(problem.where).toContain('outcome 1 "Overdose deaths averted"');
  });

  it('attribution share outside 0..100 %', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 1, 'attributionShares'], [{ to: 'GP', share: '1.2' }]);
    expectOneProblem(data, 'project.outcomes[1].attributionShares[0].share', /between 0 % and 100 %/);
  });

  it('negative quantity', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 1, 'quantity'], '-3');
    const problem = expectOneProblem(data, 'project.outcomes[1].quantity', /cannot be negative/);
    expect(problem.where).toContain('outcome 2 "Retained in treatment"');
  });

  it('negative duration', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'duration'], -1);
    expectOneProblem(data, 'project.outcomes[0].duration', /cannot be negative/);
  });

  it('non-integer duration', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'duration'], 1.5);
    expectOneProblem(data, 'project.outcomes[0].duration', /whole number of years/);
  });

  it('duration written as text', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'duration'], '2');
    expectOneProblem(data, 'project.outcomes[0].duration', /whole number of years/);
  });

  it('negative discount rate', () => {
    const data = setAt(fileJson(), ['project', 'settings', 'discountRate'], '-0.035');
    expectOneProblem(data, 'project.settings.discountRate', /cannot be negative/);
  });

  it('negative cash input amount', () => {
    const data = setAt(fileJson(), ['project', 'inputs', 0, 'amount'], '-5');
    const problem = expectOneProblem(data, 'project.inputs[0].amount', /cannot be negative/);
    expect(problem.where).toContain('input 1');
  });

  it('negative volunteer hours and hourly rate', () => {
    const data = fileJson();
    setAt(data, ['project', 'inputs', 1, 'hours'], '-10');
    setAt(data, ['project', 'inputs', 1, 'hourlyRate'], '-9.5');
    const problems = problemsOf(data);
    expect(problems.map((p) => p.path).sort()).toEqual(['project.inputs[1].hourlyRate', 'project.inputs[1].hours']);
    for (const p of problems) expect(p.message).toMatch(/cannot be negative/);
  });

  it('proxy without currency', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'proxy', 'currency'], undefined);
    expectOneProblem(data, 'project.outcomes[0].proxy.currency', /missing.*ISO 4217/);
  });

  it('proxy with an empty currency', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'proxy', 'currency'], '');
    const problems = problemsOf(data);
    // (the cross-field currency check may add a second problem at proxy.exchangeRate)
    const currency = problems.filter((p) => p.path === 'project.outcomes[0].proxy.currency');
    expect(currency).toHaveLength(1);
    expect(currency[0].message).toMatch(/three-letter ISO 4217 code/);
  });

  it("proxy in a currency other than the model's, without an exchange rate", () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 1, 'proxy', 'currency'], 'GBP');
    const problem = expectOneProblem(data, 'project.outcomes[1].proxy.exchangeRate', /exchange rate/);
    expect(problem.message).toContain('GBP');
    expect(problem.message).toContain('EUR');
  });

  it('exchange rate of zero', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'proxy', 'currency'], 'USD');
    setAt(data, ['project', 'outcomes', 0, 'proxy', 'exchangeRate'], { rate: '0', date: '2025-06-30', source: '' });
    expectOneProblem(data, 'project.outcomes[0].proxy.exchangeRate.rate', /above 0/);
  });

  it('unknown stakeholder reference in an outcome', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 1, 'stakeholderId'], 'nobody');
    const problem = expectOneProblem(data, 'project.outcomes[1].stakeholderId', /not in the stakeholder list/);
    expect(problem.message).toContain('"nobody"');
  });

  it('unknown stakeholder reference in an input', () => {
    const data = setAt(fileJson(), ['project', 'inputs', 0, 'stakeholderId'], 'ghost');
    expectOneProblem(data, 'project.inputs[0].stakeholderId', /not in the stakeholder list/);
  });

  it('duplicate outcome ids', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 1, 'id'], 'o1');
    const problem = expectOneProblem(data, 'project.outcomes[1].id', /used twice/);
    expect(problem.message).toMatch(/unique/);
  });

  it('duplicate input ids', () => {
    const data = setAt(fileJson(), ['project', 'inputs', 1, 'id'], 'grant');
    expectOneProblem(data, 'project.inputs[1].id', /used twice/);
  });

  it('duplicate stakeholder ids', () => {
    const data = setAt(fileJson(), ['project', 'stakeholders', 1, 'name'], 'Again');
    setAt(data, ['project', 'stakeholders', 1, 'id'], 's1');
    setAt(data, ['project', 'outcomes', 1, 'stakeholderId'], 's1');
    expectOneProblem(data, 'project.stakeholders[1].id', /used twice/);
  });

  it.each([
    [['project', 'outcomes', 0, 'quantity'], 3],
    [['project', 'outcomes', 0, 'deadweight'], 0.2],
    [['project', 'outcomes', 0, 'proxy', 'value'], 40000],
    [['project', 'inputs', 0, 'amount'], 80000],
    [['project', 'settings', 'discountRate'], 0.035],
  ] as Array<[Array<string | number>, number]>)(
    '%j as a JSON number (%s) instead of a decimal string',
    (path, value) => {
      const data = setAt(fileJson(), path, value);
      const expected = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
      expectOneProblem(data, expected, /written as text/);
    },
  );

  it.each([3, 0, '1', undefined])('schemaVersion %s is refused', (version) => {
    const data = setAt(fileJson(), ['schemaVersion'], version);
    const problems = problemsOf(data);
    expect(problems.map((p) => p.path)).toEqual(['schemaVersion']);
    if (version !== undefined) expect(problems[0].message).toMatch(/must be 1/);
  });

  it('a decimal with an exponent is refused with the plain-number message', () => {
    const data = setAt(fileJson(), ['project', 'outcomes', 0, 'quantity'], '1e3');
    expectOneProblem(data, 'project.outcomes[0].quantity', /plain number/);
  });
});

describe('every problem at once', () => {
  it('reports five field errors and a broken reference together, each at its own path', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'deadweight'], '1.5');
    setAt(data, ['project', 'outcomes', 1, 'quantity'], '-3');
    setAt(data, ['project', 'outcomes', 1, 'duration'], -2);
    setAt(data, ['project', 'settings', 'discountRate'], '-0.01');
    setAt(data, ['project', 'inputs', 0, 'amount'], '-5');
    setAt(data, ['project', 'inputs', 1, 'stakeholderId'], 'nobody');
    const problems = problemsOf(data);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'project.inputs[0].amount',
        'project.inputs[1].stakeholderId',
        'project.outcomes[0].deadweight',
        'project.outcomes[1].duration',
        'project.outcomes[1].quantity',
        'project.settings.discountRate',
      ].sort(),
    );
    for (const p of problems) {
      expect(p.message.length).toBeGreaterThan(10);
      expect(p.where).not.toBe('');
    }
  });

  /**
   * project-file.ts promises "rejected with every problem listed": zod skips the whole-file checks once a field
   * has the wrong type, so parseProjectFile runs them again on the raw data (regression test).
   */
  it('reports a broken reference together with a type error (non-integer duration, JSON number)', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'duration'], 2.5);
    setAt(data, ['project', 'outcomes', 0, 'quantity'], 3);
    setAt(data, ['project', 'outcomes', 1, 'stakeholderId'], 'nobody');
    expect(
      problemsOf(data)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['project.outcomes[0].duration', 'project.outcomes[0].quantity', 'project.outcomes[1].stakeholderId']);
  });

  it('reports several type errors together', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'duration'], 2.5);
    setAt(data, ['project', 'outcomes', 0, 'quantity'], 3);
    setAt(data, ['project', 'inputs', 0, 'amount'], 80000);
    expect(
      problemsOf(data)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['project.inputs[0].amount', 'project.outcomes[0].duration', 'project.outcomes[0].quantity']);
  });

  it('reports several problems of the same outcome', () => {
    const data = fileJson();
    setAt(data, ['project', 'outcomes', 0, 'deadweight'], '2');
    setAt(data, ['project', 'outcomes', 0, 'attribution'], '-1');
    setAt(data, ['project', 'outcomes', 0, 'quantity'], 5);
    expect(
      problemsOf(data)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['project.outcomes[0].attribution', 'project.outcomes[0].deadweight', 'project.outcomes[0].quantity']);
  });
});

/**
 * Regression: a decimal field holding text that is not a number ("1,500", "abc", "3.5%") once made
 * parseProjectFile throw a DecimalError, because the range refinements ran after the format check failed.
 * The format check now aborts the chain.
 */
describe('text that is not a number in a decimal field', () => {
  it.each([
    [['project', 'outcomes', 0, 'quantity'], '1,500', 'project.outcomes[0].quantity'],
    [['project', 'outcomes', 0, 'deadweight'], 'abc', 'project.outcomes[0].deadweight'],
    [['project', 'settings', 'discountRate'], '3.5%', 'project.settings.discountRate'],
    [['project', 'inputs', 0, 'amount'], '80.000,00', 'project.inputs[0].amount'],
  ] as Array<[Array<string | number>, string, string]>)(
    '%j = "%s" gives a problem, not an exception',
    (path, value, expected) => {
      const data = setAt(fileJson(), path, value);
      expectOneProblem(data, expected, /plain number/);
    },
  );
});
