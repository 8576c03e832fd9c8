/**
 * Switching values as rows of a table, each stated in words (METHOD.md "Sensitivity and switching values"):
 * for every outcome, how far its proxy, quantity, deadweight, displacement, attribution (closed forms), drop-off
 * and duration (bisection) must move, alone, for the SROI ratio to be 1 : 1; then the whole-model ones (all
 * proxies together, the investment, the discount rate). A negative proxy is never offered as a switching value:
 * where the multiplier is 0 or below the row says "cannot reach 1 : 1 through this outcome".
 *
 * The sentences come from the interface catalogue, with numbers in the user's locale. Where the engine gives a
 * reason instead of a value, its message is shown in the interface's language, as a sentence.
 */
import type { TFunction } from 'i18next';
import type {
  Message,
  NumericSwitching,
  NumericSwitchingValue,
  SroiResult,
  SwitchingValue,
} from '../../../shared/engine';
import type { EngineText } from '../i18n/engine-text';
import type { Outcome, Project } from '../../../shared/model/schema';
import { Dec } from '../../../shared/money/decimal';
import { money, percent, plain } from './format';

export interface SwitchingRow {
  key: string;
  assumption: string;
  entered: string;
  /** The value at which the ratio is 1 : 1, or "—" when there is none. */
  atOne: string;
  words: string;
  reachable: boolean;
  /**
   * For CSV: the entered value and the value at 1 : 1 as plain decimals in `unit` (percentages in percent,
   * money to the cent), null where there is none.
   */
  enteredNumber: string | null;
  atOneNumber: string | null;
  unit: string;
}

/** How a kind of value is shown in the table and written to CSV. */
interface Measure {
  text(d: Dec): string;
  number(d: Dec): string;
  unit: string;
}

function moneyMeasure(currency: string, locale: string): Measure {
  return {
    text: (d) => money(d, currency, locale),
    number: (d) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2),
    unit: currency,
  };
}

function percentMeasure(locale: string): Measure {
  return {
    text: (d) => percent(d, locale),
    number: (d) => d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(),
    unit: '%',
  };
}

function plainMeasure(locale: string): Measure {
  return { text: (d) => plain(d, locale), number: (d) => d.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(), unit: '' };
}

export interface SwitchingGroup {
  key: string;
  title: string;
  /** One sentence about the whole outcome (its value multiplier), or null for the whole-model group. */
  summary: string | null;
  rows: SwitchingRow[];
}

const DASH = '—';

/**
 * An engine reason ("cannot reach 1 : 1 through this outcome", "n/a: ...") in the interface's language, as a
 * sentence of the table: a first word capitalised (an abbreviation such as "n/a" or "n.d." is left as it is)
 * and a full stop.
 */
export function reasonText(value: { reason: string; reasonText?: Message }, text: EngineText, locale: string): string {
  const words = text(value.reasonText, value.reason);
  const opening = /^\p{Ll}\p{L}/u.test(words) ? words.charAt(0).toLocaleUpperCase(locale) + words.slice(1) : words;
  return /[.!?…]$/.test(opening) ? opening : `${opening}.`;
}

type Adjustment = 'deadweight' | 'displacement' | 'attribution';
const ADJUSTMENTS: Adjustment[] = ['deadweight', 'displacement', 'attribution'];

interface Context {
  t: TFunction;
  text: EngineText;
  locale: string;
  /** "falls to 1 : 1" or "rises to 1 : 1", by where the ratio is now. */
  goal: string;
}

function movement(ctx: Context, value: Dec, current: Dec): string {
  return value.gt(current) ? ctx.t('sensitivity.switching.risesTo') : ctx.t('sensitivity.switching.fallsTo');
}

function sentence(ctx: Context, subject: string, value: Dec, current: Dec, shown: string): string {
  if (value.eq(current)) return ctx.t('sensitivity.switching.already');
  return ctx.t('sensitivity.switching.sentence', {
    goal: ctx.goal,
    subject,
    move: movement(ctx, value, current),
    value: shown,
  });
}

function linearRow(
  ctx: Context,
  key: string,
  field: 'proxy' | 'quantity' | Adjustment,
  value: SwitchingValue,
  current: Dec,
  measure: Measure,
): SwitchingRow {
  const { t } = ctx;
  const assumption = t(`sensitivity.fields.${field}`);
  const entered = { entered: measure.text(current), enteredNumber: measure.number(current), unit: measure.unit };
  if (!value.reachable) return unreachableRow(ctx, key, assumption, entered, value);
  const subject = t(`sensitivity.switching.subject.${field}`);
  return {
    key,
    assumption,
    ...entered,
    atOne: measure.text(value.value),
    atOneNumber: measure.number(value.value),
    words: sentence(ctx, subject, value.value, current, measure.text(value.value)),
    reachable: true,
  };
}

/** A row for an assumption that cannot bring the ratio to 1 : 1: the engine's reason, in the reader's words. */
function unreachableRow(
  ctx: Context,
  key: string,
  assumption: string,
  entered: Pick<SwitchingRow, 'entered' | 'enteredNumber' | 'unit'>,
  value: Parameters<typeof reasonText>[0],
): SwitchingRow {
  return {
    key,
    assumption,
    ...entered,
    atOne: DASH,
    atOneNumber: null,
    words: reasonText(value, ctx.text, ctx.locale),
    reachable: false,
  };
}

function numericRow(
  ctx: Context,
  key: string,
  assumption: string,
  subject: string,
  value: NumericSwitchingValue,
  current: Dec,
  measure: Measure,
): SwitchingRow {
  const entered = { entered: measure.text(current), enteredNumber: measure.number(current), unit: measure.unit };
  if (!value.reachable) return unreachableRow(ctx, key, assumption, entered, value);
  const words =
    value.direction === 'none'
      ? ctx.t('sensitivity.switching.already')
      : sentence(ctx, subject, value.value, value.current, measure.text(value.value));
  return {
    key,
    assumption,
    ...entered,
    atOne: measure.text(value.value),
    atOneNumber: measure.number(value.value),
    words,
    reachable: true,
  };
}

function outcomeSummary(ctx: Context, result: SroiResult['outcomes'][number]): string {
  const { t, locale } = ctx;
  const s = result.switching;
  if (!s.multiplier.reachable) {
    if (s.rawMultiplier === null) return reasonText(s.multiplier, ctx.text, locale);
    const side = result.presentValue.value.gt(0) ? t('sensitivity.switching.above') : t('sensitivity.switching.below');
    return t('sensitivity.switching.cannotOutcome', { side, k: plain(s.rawMultiplier, locale, 4) });
  }
  const k = s.multiplier.value;
  const times = plain(k, locale, 4);
  if (k.eq(1)) return t('sensitivity.switching.already');
  if (result.presentValue.value.gt(0)) {
    return k.lt(1)
      ? t('sensitivity.switching.couldFall', { share: percent(k, locale), k: times })
      : t('sensitivity.switching.mustRise', { k: times });
  }
  return k.gt(1)
    ? t('sensitivity.switching.disbenefitLarger', { k: plain(k, locale, 1), times })
    : t('sensitivity.switching.disbenefitSmaller', { share: percent(k, locale), k: times });
}

function durationRow(ctx: Context, outcome: Outcome, value: NumericSwitching['outcomes'][number]['duration']) {
  const { t } = ctx;
  const assumption = t('sensitivity.fields.duration');
  const entered = t('sensitivity.years', { count: outcome.duration });
  const numbers = { enteredNumber: String(outcome.duration), unit: t('sensitivity.yearsUnit') };
  if (!value.reachable) {
    return {
      key: `${outcome.id}:duration`,
      assumption,
      entered,
      ...numbers,
      atOne: DASH,
      atOneNumber: null,
      words: reasonText(value, ctx.text, ctx.locale),
      reachable: false,
    };
  }
  let atOne: string;
  let words: string;
  if (value.direction === 'none') {
    atOne = entered;
    words = t('sensitivity.switching.already');
  } else if (value.direction === 'up') {
    atOne = t('sensitivity.switching.atLeastYears', { count: value.years });
    words = t('sensitivity.switching.durationUp', { goal: ctx.goal, count: value.years });
  } else if (value.years === 0) {
    atOne = t('sensitivity.years', { count: 0 });
    words = t('sensitivity.switching.durationZero', { goal: ctx.goal });
  } else {
    atOne = t('sensitivity.switching.orLessYears', { count: value.years });
    words = t('sensitivity.switching.durationDown', { goal: ctx.goal, count: value.years });
  }
  const atOneNumber = String(value.direction === 'none' ? outcome.duration : value.years);
  return { key: `${outcome.id}:duration`, assumption, entered, ...numbers, atOne, atOneNumber, words, reachable: true };
}

/** Every switching value of the project, grouped by outcome, then the whole model. */
export function switchingGroups(
  project: Project,
  result: SroiResult,
  numeric: NumericSwitching,
  t: TFunction,
  text: EngineText,
  locale: string,
): SwitchingGroup[] {
  const ratio = result.ratio.value;
  const ctx: Context = {
    t,
    text,
    locale,
    goal: ratio !== null && ratio.lt(1) ? t('sensitivity.switching.goalRise') : t('sensitivity.switching.goalFall'),
  };
  const pct = percentMeasure(locale);
  const groups: SwitchingGroup[] = result.outcomes.map((o, index) => {
    const source = project.outcomes.find((x) => x.id === o.id) ?? project.outcomes[index];
    const s = o.switching;
    const currency = source.proxy.currency;
    const rows: SwitchingRow[] = [];
    if (!s.multiplier.reachable) {
      // One row for the five linear assumptions: they all move the outcome's value by the same multiplier.
      rows.push({
        key: `${o.id}:linear`,
        assumption: t('sensitivity.fields.linear'),
        entered: DASH,
        atOne: DASH,
        words: reasonText(s.multiplier, text, locale),
        reachable: false,
        enteredNumber: null,
        atOneNumber: null,
        unit: '',
      });
    } else {
      rows.push(
        linearRow(
          ctx,
          `${o.id}:proxy`,
          'proxy',
          s.proxyValue,
          new Dec(source.proxy.value),
          moneyMeasure(currency, locale),
        ),
        linearRow(ctx, `${o.id}:quantity`, 'quantity', s.quantity, new Dec(source.quantity), plainMeasure(locale)),
        ...ADJUSTMENTS.map((field) => linearRow(ctx, `${o.id}:${field}`, field, s[field], new Dec(source[field]), pct)),
      );
    }
    const numericOutcome = numeric.outcomes.find((n) => n.outcomeId === o.id);
    if (numericOutcome) {
      rows.push(
        numericRow(
          ctx,
          `${o.id}:dropOff`,
          t('sensitivity.fields.dropOff'),
          t('sensitivity.switching.subject.dropOff'),
          numericOutcome.dropOff,
          new Dec(source.dropOff),
          pct,
        ),
        durationRow(ctx, source, numericOutcome.duration),
      );
    }
    return { key: o.id, title: o.name, summary: outcomeSummary(ctx, o), rows };
  });

  const model: SwitchingRow[] = [];
  const all = result.allProxiesSwitch;
  model.push(
    all.reachable
      ? {
          key: 'model:proxies',
          assumption: t('sensitivity.switching.allProxies'),
          entered: '× 1',
          atOne: `× ${plain(all.value, locale, 4)}`,
          enteredNumber: '1',
          atOneNumber: all.value.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(),
          unit: '×',
          words: all.value.eq(1)
            ? t('sensitivity.switching.already')
            : t('sensitivity.switching.allProxiesWords', {
                goal: ctx.goal,
                share: percent(all.value, locale),
                k: plain(all.value, locale, 4),
              }),
          reachable: true,
        }
      : {
          key: 'model:proxies',
          assumption: t('sensitivity.switching.allProxies'),
          entered: '× 1',
          atOne: DASH,
          enteredNumber: '1',
          atOneNumber: null,
          unit: '×',
          words: reasonText(all, text, locale),
          reachable: false,
        },
  );
  const investment = result.investment.total.value;
  const target = result.investmentSwitch;
  const cash = moneyMeasure(result.currency, locale);
  model.push({
    key: 'model:investment',
    assumption: t('sensitivity.switching.investment'),
    entered: cash.text(investment),
    atOne: target.gt(0) ? cash.text(target) : DASH,
    enteredNumber: cash.number(investment),
    atOneNumber: target.gt(0) ? cash.number(target) : null,
    unit: cash.unit,
    words: target.lte(0)
      ? t('sensitivity.switching.investmentNone')
      : sentence(
          ctx,
          t('sensitivity.switching.subject.investment'),
          target,
          investment,
          money(target, result.currency, locale),
        ),
    reachable: target.gt(0),
  });
  const rate = new Dec(project.settings.discountRate);
  for (const side of ['higher', 'lower'] as const) {
    model.push(
      numericRow(
        ctx,
        `model:rate:${side}`,
        t(`sensitivity.switching.rate.${side}`),
        t('sensitivity.switching.subject.discountRate'),
        numeric.discountRate[side],
        rate,
        pct,
      ),
    );
  }
  groups.push({ key: 'model', title: t('sensitivity.switching.wholeModel'), summary: null, rows: model });
  return groups;
}
