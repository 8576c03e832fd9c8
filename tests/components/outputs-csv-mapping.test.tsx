// The first guess of a CSV import's mapping, from the real header of the Rome street unit's methadone data
// (shared/data/street-unit-methadone-clients-2012.csv), and the checks that turn the user's choices into the
// contract's mapping.
import { repoRoot } from '../support/repo-root';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvRecordMapping } from '../../shared/ipc/contract';
import {
  buildMapping,
  formatCategories,
  guessCategories,
  guessMapping,
  parseCategories,
  previewCsv,
} from '../../renderer/src/outputs/csv-mapping';

// The sample data beside the repository (as in tests/store/csv-import.test.ts).
const DATA = join(repoRoot(), 'docs', 'examples', 'data');
const METHADONE = readFileSync(join(DATA, 'street-unit-methadone-clients-2012.csv'), 'utf8');
const EMERGENCY = readFileSync(join(DATA, 'emergency-unit-people-2012.csv'), 'utf8');

describe('previewCsv', () => {
  it('reads the header, the first rows and counts the rest of the methadone file', () => {
    const preview = previewCsv(METHADONE);
    expect(preview.header).toEqual(['month', 'italian_men', 'italian_women', 'foreign_men', 'foreign_women', 'total']);
    expect(preview.delimiter).toBe(',');
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toEqual(['2012-01', '538', '124', '159', '15', '836']);
    expect(preview.rowCount).toBe(12);
  });

  it('understands semicolons, quotes, a BOM, CRLF and blank lines like an Excel export', () => {
    const preview = previewCsv(
      '\ufeffmonth;"site, area";total\r\n2012-01;"Termini; east";"1""0"\r\n;;\r\n\r\n2012-02;Ostiense;5\r\n',
    );
    expect(preview.delimiter).toBe(';');
    expect(preview.header).toEqual(['month', 'site, area', 'total']);
    expect(preview.rows).toEqual([
      ['2012-01', 'Termini; east', '1"0'],
      ['2012-02', 'Ostiense', '5'],
    ]);
    expect(preview.rowCount).toBe(2);
  });

  it('gives an empty header for an empty file instead of failing', () => {
    expect(previewCsv('')).toEqual({ delimiter: ',', header: [], rows: [], rowCount: 0 });
  });
});

describe('guessCategories', () => {
  it('reads nationality and gender from the methadone columns', () => {
    expect(guessCategories('italian_men')).toEqual({ nationality: 'Italian', gender: 'men' });
    expect(guessCategories('italian_women')).toEqual({ nationality: 'Italian', gender: 'women' });
    expect(guessCategories('foreign_men')).toEqual({ nationality: 'Foreign', gender: 'men' });
    expect(guessCategories('foreign_women')).toEqual({ nationality: 'Foreign', gender: 'women' });
  });

  it('reads other spellings, age groups and keeps unknown words as a group', () => {
    expect(guessCategories('Italian Women')).toEqual({ nationality: 'Italian', gender: 'women' });
    expect(guessCategories('foreignWomen')).toEqual({ nationality: 'Foreign', gender: 'women' });
    expect(guessCategories('women_18_24')).toEqual({ gender: 'women', age: '18-24' });
    expect(guessCategories('men_under_25')).toEqual({ gender: 'men', age: 'under 25' });
    expect(guessCategories('women_50plus')).toEqual({ gender: 'women', age: '50+' });
    expect(guessCategories('non_binary')).toEqual({ gender: 'non-binary' });
    expect(guessCategories('italian_women_new')).toEqual({ nationality: 'Italian', gender: 'women', group: 'new' });
  });

  it('guesses nothing for counts and names it does not know', () => {
    expect(guessCategories('total')).toBeNull();
    expect(guessCategories('month')).toBeNull();
    expect(guessCategories('people_treated')).toBeNull();
    expect(guessCategories('')).toBeNull();
  });
});

describe('guessMapping', () => {
  it('maps the methadone file: month -> period, total -> count, four columns -> nationality x gender', () => {
    const draft = guessMapping(previewCsv(METHADONE));
    expect(draft.periodColumn).toBe('month');
    expect(draft.countColumn).toBe('total');
    expect(draft.columns.italian_men).toEqual({ use: 'breakdown', categories: 'nationality=Italian, gender=men' });
    expect(draft.columns.italian_women).toEqual({
      use: 'breakdown',
      categories: 'nationality=Italian, gender=women',
    });
    expect(draft.columns.foreign_men).toEqual({ use: 'breakdown', categories: 'nationality=Foreign, gender=men' });
    expect(draft.columns.foreign_women).toEqual({
      use: 'breakdown',
      categories: 'nationality=Foreign, gender=women',
    });

    const built = buildMapping(draft, previewCsv(METHADONE).header, 'clients', true);
    expect(built).toEqual({
      ok: true,
      mapping: {
        outputId: 'clients',
        periodColumn: 'month',
        countColumn: 'total',
        breakdownColumns: [
          { column: 'italian_men', categories: { nationality: 'Italian', gender: 'men' } },
          { column: 'italian_women', categories: { nationality: 'Italian', gender: 'women' } },
          { column: 'foreign_men', categories: { nationality: 'Foreign', gender: 'men' } },
          { column: 'foreign_women', categories: { nationality: 'Foreign', gender: 'women' } },
        ],
        categoryColumns: [],
        replaceExisting: true,
      },
    });
    // What the interface sends is what the contract accepts.
    expect(CsvRecordMapping.safeParse(built.ok && built.mapping).success).toBe(true);
  });

  it('maps a two-column file: the month and the only number left as the count', () => {
    const draft = guessMapping(previewCsv(EMERGENCY));
    expect(draft).toEqual({
      periodColumn: 'month',
      countColumn: 'people_treated',
      columns: { month: { use: 'ignore' }, people_treated: { use: 'ignore' } },
    });
  });

  it('adds up the breakdown columns when there is no total, and reads a long layout', () => {
    const wide = guessMapping(previewCsv('period,men,women\n2012-01,3,4\n'));
    expect(wide.countColumn).toBeNull();
    expect(wide.columns.men).toEqual({ use: 'breakdown', categories: 'gender=men' });

    const long = guessMapping(previewCsv('date,Site_Name,count\n2012-01,Termini,12\n2012-01,Ostiense,3\n'));
    expect(long.periodColumn).toBe('date');
    expect(long.countColumn).toBe('count');
    expect(long.columns.Site_Name).toEqual({ use: 'category', dimension: 'site name' });
  });

  it('finds the month column by its values when its name says nothing', () => {
    const draft = guessMapping(previewCsv('quando,quanti\n01/2012,5\n02/2012,6\n'));
    expect(draft.periodColumn).toBe('quando');
    expect(draft.countColumn).toBe('quanti');
  });
});

describe('categories typed as dimension=value pairs', () => {
  it('round-trips and refuses what is not a pair', () => {
    expect(parseCategories('nationality=Italian; gender = women')).toEqual({
      ok: true,
      categories: { nationality: 'Italian', gender: 'women' },
    });
    expect(formatCategories({ nationality: 'Italian', gender: 'women' })).toBe('nationality=Italian, gender=women');
    expect(parseCategories('Italian women')).toMatchObject({ ok: false, problem: { key: 'categoriesFormat' } });
    expect(parseCategories('  ')).toMatchObject({ ok: false, problem: { key: 'categoriesEmpty' } });
    expect(parseCategories('gender=women, gender=men')).toMatchObject({
      ok: false,
      problem: { key: 'categoriesTwice' },
    });
  });
});

describe('buildMapping', () => {
  const header = ['month', 'italian_men', 'italian_women', 'total'];

  it('lists every problem with the choices at once', () => {
    const built = buildMapping(
      {
        periodColumn: 'month',
        countColumn: null,
        columns: {
          italian_men: { use: 'breakdown', categories: 'nationality=Italian' },
          italian_women: { use: 'breakdown', categories: 'nationality=Italian, gender=women' },
          total: { use: 'breakdown', categories: 'oops' },
        },
      },
      header,
      'o1',
      false,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.problems.map((p) => p.key)).toEqual(['categoriesFormat', 'mixedDimensions']);
    expect(built.problems[0].column).toBe('total');
  });

  it('needs a count column or something to add up, and one column per set of categories', () => {
    const none = buildMapping({ periodColumn: 'month', countColumn: null, columns: {} }, header, 'o1', true);
    expect(none).toMatchObject({ ok: false, problems: [{ key: 'needCount' }] });

    const twice = buildMapping(
      {
        periodColumn: 'month',
        countColumn: 'total',
        columns: {
          italian_men: { use: 'breakdown', categories: 'gender=men' },
          italian_women: { use: 'breakdown', categories: 'gender=men' },
        },
      },
      header,
      'o1',
      true,
    );
    expect(twice).toMatchObject({ ok: false, problems: [{ key: 'sameCategories', column: 'italian_women' }] });
  });

  it('keeps a category column and refuses one whose name another column already gives', () => {
    const long = buildMapping(
      {
        periodColumn: 'month',
        countColumn: 'total',
        columns: { italian_men: { use: 'category', dimension: 'site' }, italian_women: { use: 'ignore' } },
      },
      header,
      'o1',
      true,
    );
    expect(long).toMatchObject({
      ok: true,
      mapping: { categoryColumns: [{ column: 'italian_men', dimension: 'site' }] },
    });

    const clash = buildMapping(
      {
        periodColumn: 'month',
        countColumn: 'total',
        columns: {
          italian_men: { use: 'breakdown', categories: 'gender=men' },
          italian_women: { use: 'category', dimension: 'gender' },
        },
      },
      header,
      'o1',
      true,
    );
    expect(clash).toMatchObject({ ok: false, problems: [{ key: 'dimensionTwice', column: 'italian_women' }] });
  });
});
