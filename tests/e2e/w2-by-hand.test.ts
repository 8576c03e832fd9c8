// The whole worked example W2 of METHOD.md entered by hand, as a new user would do it, from an empty app and
// without importing docs/examples/w2-street-outreach.sroi.json: the project (EUR), its scope (3.5 %, guide
// convention), the five stakeholder groups, the three inputs (typed into the grid cell by cell in the first
// project, pasted as a tab-separated block in the second), the four outcomes with every field, and the Results
// screen reading 1.70 : 1, PV 180,737.35 EUR, NPV 74,487.35 EUR and payback (Guide) 18.7 months. Then one
// deadweight is changed and the ratio follows the arithmetic done by hand below; undo brings 1.70 back; a
// reload keeps everything; a bad entry is shown in place and never saved.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eUnavailable, launchBrowser, newPage, removeDir, screenshot, startApp, type RunningApp } from './harness';

const skip = e2eUnavailable();

/** METHOD.md section 4, W2: the five groups (size, how they were involved, people who took part). */
const STAKEHOLDERS = [
  { name: 'Municipality', size: '1', involvement: 'Funder; interviewed', consulted: '2' },
  { name: 'Local business', size: '1', involvement: 'Donated the van', consulted: '1' },
  { name: 'Peer volunteers', size: '12', involvement: 'Focus group', consulted: '10' },
  { name: 'People who use drugs', size: '400', involvement: 'Street survey and two focus groups', consulted: '64' },
  { name: 'Local residents', size: '300', involvement: 'Door-to-door survey', consulted: '45' },
];

/**
 * The four outcomes of the W2 table. Percentages are typed as the user sees them (0..100 %); `impact` and `pv`
 * are what the card must show once every field is in (METHOD.md: impact = Q x P x (1-DW)(1-DS)(1-AT), PV as
 * listed under "Expected").
 */
const OUTCOMES = [
  {
    name: 'Overdose deaths averted',
    stakeholder: 'People who use drugs',
    indicator: 'Overdoses reversed with naloxone that would otherwise have been fatal',
    evidence: 'Service records',
    quantity: '3',
    proxy: 'Value of a death averted',
    value: '40000',
    source: 'Constructed for METHOD.md',
    duration: '1',
    starts: 'During the activity',
    deadweight: '20',
    displacement: '0',
    attribution: '30',
    dropOff: '0',
    impact: '67,200.00 EUR',
    pv: '64,927.54 EUR',
  },
  {
    name: 'Retained in opioid agonist treatment',
    stakeholder: 'People who use drugs',
    indicator: 'People still in treatment at 12 months',
    evidence: 'Clinic referral records',
    quantity: '25',
    proxy: 'Annual value of retention in treatment',
    value: '6000',
    source: 'Constructed for METHOD.md',
    duration: '3',
    starts: 'After the activity',
    deadweight: '25',
    displacement: '0',
    attribution: '50',
    dropOff: '30',
    impact: '56,250.00 EUR',
    pv: '112,043.10 EUR',
  },
  {
    name: 'Fewer discarded syringes near homes',
    stakeholder: 'Local residents',
    indicator: 'Residents reporting fewer discarded syringes',
    evidence: 'Resident survey',
    quantity: '40',
    proxy: 'Value to a household of a cleaner street',
    value: '150',
    source: 'Constructed for METHOD.md',
    duration: '2',
    starts: 'During the activity',
    deadweight: '50',
    displacement: '0',
    attribution: '0',
    dropOff: '0',
    impact: '3,000.00 EUR',
    pv: '5,699.08 EUR',
  },
  {
    name: 'Nuisance displaced to a nearby street',
    stakeholder: 'Local residents',
    indicator: 'Residents of the nearby street reporting more nuisance',
    evidence: 'Resident survey',
    quantity: '10',
    proxy: 'Cost to a household of more nuisance',
    value: '-200',
    source: 'Constructed for METHOD.md',
    duration: '1',
    starts: 'During the activity',
    deadweight: '0',
    displacement: '0',
    attribution: '0',
    dropOff: '0',
    impact: '-2,000.00 EUR',
    pv: '-1,932.37 EUR',
  },
];

/** The three W2 inputs as copied from a spreadsheet, in the grid's column order (Description .. Notes). */
const W2_INPUTS_TSV = [
  'Municipal grant\tMunicipality\tCash\tGrant\tMunicipality\t1\t80,000.00\t\t\tAnnual grant agreement',
  'Donated van\tLocal business\tIn kind\tVehicles\tLocal business\t1\t12,000.00\t\t\tMarket value of a comparable used van',
  'Peer volunteer time\tPeer volunteers\tVolunteer time\tVolunteer time\t\t1\t\t1,500\t9.50\tHourly minimum wage',
].join('\r\n');

// What the Results screen must read for W2 (METHOD.md: PV 180,737.349240; NPV 74,487.349240; ratio 1.701057;
// payback (Guide) 18.695015 months; payback (discounted) 20.755576 months; investment 106,250).
const W2_RESULTS = {
  ratio: '1.70 : 1',
  pv: '180,737.35 EUR',
  investment: '106,250.00 EUR',
  npv: '74,487.35 EUR',
  netRatio: '0.70 : 1',
  paybackGuide: '18.7 months',
  paybackDiscounted: '20.8 months',
};

describe.skipIf(skip !== null)(`W2 entered by hand in browser mode${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (app) removeDir(app.dataDir);
  });

  const main = () => page.locator('main');
  const grid = () => page.getByRole('grid', { name: 'Cost lines' });
  const cell = (line: number, field: string) => grid().locator(`tr[data-line="${line}"] [data-field="${field}"]`);
  const outcomeCard = (name: string) => page.getByRole('article', { name });
  const figure = (key: string) => page.getByTestId(`figure-${key}`).textContent();

  /** Type into a labelled field and leave it, which saves it. */
  async function fill(label: string, value: string, within: Locator = main()) {
    const field = within.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
  }

  async function choose(label: string, option: string, within: Locator = main()) {
    await within.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async function go(stage: RegExp) {
    await page.getByRole('navigation', { name: 'Stages of the analysis' }).getByRole('link', { name: stage }).click();
  }

  /** Every save of the grid has answered (a cell being saved is aria-busy until then). */
  async function gridSettled() {
    await expect.poll(() => grid().locator('[aria-busy="true"]').count()).toBe(0);
  }

  /** In the grid, at the focused cell: type a value and Tab to the next cell (Tab saves it). */
  async function typeAndTab(text: string) {
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
    await gridSettled();
  }

  /** In the grid, at the focused list cell: Enter opens the list, pick an entry, Tab saves it and moves on. */
  async function pickAndTab(option: string) {
    await page.keyboard.press('Enter');
    await grid().locator('select.cell-editor').selectOption({ label: option });
    await page.keyboard.press('Tab');
    await gridSettled();
  }

  async function createProject(name: string) {
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Your projects' }).isVisible()).toBe(true);
    await page.getByLabel('Project name').fill(name);
    await page.getByLabel('Organisation').fill('Example harm-reduction service');
    await page.getByLabel('Currency').fill('EUR');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Scope', level: 1 }).isVisible()).toBe(true);
  }

  async function enterScope() {
    await fill(
      'Programme',
      'Peer-supported street outreach with take-home naloxone for people who use drugs. The worked example W2 of METHOD.md.',
    );
    await choose('Type of analysis', 'Forecast (before or during the activity)');
    await fill('Period start', '2025-01-01');
    await fill('Period end', '2025-12-31');
    await fill('Price year', '2025'); // new proxies take the project's price year
    await fill('Currency', 'EUR');
    // 3.5 % and the Guide convention are what a new project starts with; the user types and picks them anyway,
    // and the Results screen states them (checked there).
    await fill('Discount rate', '3.5');
    await choose('Year-one convention', 'Discount year 1 (SROI Guide)');
    expect(await main().getByLabel('Discount rate', { exact: true }).inputValue()).toBe('3.5');
    expect(await main().getByLabel('Year-one convention', { exact: true }).inputValue()).toBe('guide');
  }

  async function enterStakeholders() {
    await go(/Stakeholders/);
    for (const group of STAKEHOLDERS) {
      await page.getByLabel('New stakeholder group').fill(group.name);
      await page.getByRole('button', { name: 'Add group' }).click();
      const card = page.getByRole('article', { name: group.name });
      await expect.poll(() => card.isVisible()).toBe(true);
      await fill('Number in the group', group.size, card);
      await fill('How they were involved', group.involvement, card);
      await fill('People who took part', group.consulted, card);
    }
    // every field was saved (the size is read back from the store on the Impact map's checks later)
    expect(await page.getByRole('article').count()).toBe(5);
  }

  async function enterOutcomes() {
    await go(/Impact map/);
    for (const o of OUTCOMES) {
      await page.getByLabel('New outcome').fill(o.name);
      await page.getByRole('button', { name: 'Add outcome' }).click();
      const card = outcomeCard(o.name);
      await expect.poll(() => card.isVisible()).toBe(true);
      await choose('Experienced by', o.stakeholder, card);
      await fill('Indicator', o.indicator, card);
      await fill('Evidence source', o.evidence, card);
      await fill('Quantity', o.quantity, card);
      await fill('Financial proxy', o.proxy, card);
      await fill('Proxy value (per person)', o.value, card);
      await fill('Proxy source', o.source, card);
      await fill('Duration', o.duration, card);
      await choose('Starts', o.starts, card);
      await fill('Deadweight', o.deadweight, card);
      await fill('Displacement', o.displacement, card);
      await fill('Attribution', o.attribution, card);
      await fill('Drop-off', o.dropOff, card);
      await expect
        .poll(() => card.locator('p.computed').textContent())
        .toMatch(new RegExp(`^Impact: ${escape(o.impact)} .*Present value: ${escape(o.pv)} `));
      expect(await card.getByRole('alert').count()).toBe(0);
    }
  }

  async function expectW2Results() {
    await go(/Results/);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe(W2_RESULTS.ratio);
    expect(await figure('pv')).toBe(W2_RESULTS.pv);
    expect(await figure('investment')).toBe(W2_RESULTS.investment);
    expect(await figure('npv')).toBe(W2_RESULTS.npv);
    expect(await figure('net-ratio')).toBe(W2_RESULTS.netRatio);
    expect(await figure('payback-guide')).toBe(W2_RESULTS.paybackGuide);
    expect(await figure('payback-discounted')).toBe(W2_RESULTS.paybackDiscounted);
    expect(await page.getByText('Every 1 EUR invested creates 1.70 EUR of social value.').isVisible()).toBe(true);
    expect(await page.getByText('Discount rate 3.5 %; Discount year 1 (SROI Guide).').isVisible()).toBe(true);
    const byOutcome = page.getByRole('region', { name: 'Value by outcome' }).getByRole('table');
    for (const o of OUTCOMES) {
      const row = await byOutcome.getByRole('row', { name: new RegExp(`^${escape(o.name)}`) }).textContent();
      expect(row).toContain(o.pv.replace(' EUR', ''));
    }
  }

  it('enters W2 with the inputs typed into the grid, and Results reads 1.70 : 1 and PV 180,737.35 EUR', async () => {
    await createProject('Street outreach and naloxone (W2 by hand)');
    await enterScope();
    await screenshot(page, 'w2-by-hand-01-scope');
    await enterStakeholders();

    // Inputs: "Add a line" starts the description of a new line; Tab saves each cell and moves along the row
    // (Description, Contributed by, Kind, Category, Funder, Year, Amount, Hours, Hourly rate, Notes).
    await go(/Inputs and budget/);
    await expect.poll(() => grid().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Add a line' }).click();
    await typeAndTab('Municipal grant');
    await expect.poll(() => grid().getByRole('rowheader', { name: 'Municipal grant' }).isVisible()).toBe(true);
    await pickAndTab('Municipality');
    await pickAndTab('Cash');
    await typeAndTab('Grant');
    await typeAndTab('Municipality');
    await typeAndTab('1');
    await typeAndTab('80000');
    await page.keyboard.press('Tab'); // Hours: not used for cash
    await page.keyboard.press('Tab'); // Hourly rate: not used for cash
    await typeAndTab('Annual grant agreement');
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('80,000.00 EUR');

    await page.getByRole('button', { name: 'Add a line' }).click();
    await typeAndTab('Donated van');
    await pickAndTab('Local business');
    await pickAndTab('In kind');
    await typeAndTab('Vehicles');
    await typeAndTab('Local business');
    await page.keyboard.press('Tab'); // Year 1 is already there
    await typeAndTab('12000');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await typeAndTab('Market value of a comparable used van');
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('92,000.00 EUR');

    await page.getByRole('button', { name: 'Add a line' }).click();
    await typeAndTab('Peer volunteer time');
    await pickAndTab('Peer volunteers');
    await pickAndTab('Volunteer time'); // Amount becomes hours x rate; Hours and Hourly rate open
    await typeAndTab('Volunteer time');
    await page.keyboard.press('Tab'); // no funder
    await page.keyboard.press('Tab'); // year 1
    await page.keyboard.press('Tab'); // Amount: computed
    await typeAndTab('1500');
    await typeAndTab('9.50');
    await typeAndTab('Hourly minimum wage');

    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('106,250.00 EUR');
    expect(await cell(3, 'amount').textContent()).toContain('14,250.00');
    expect(await cell(2, 'kind').textContent()).toBe('In kind');
    expect(await cell(2, 'stakeholder').textContent()).toBe('Local business');
    expect(await cell(1, 'funder').textContent()).toBe('Municipality');
    expect(await grid().getByRole('rowheader').allTextContents()).toEqual([
      'Municipal grant',
      'Donated van',
      'Peer volunteer time',
      'Type here to add a line',
    ]);
    expect(await grid().locator('[aria-invalid="true"]').count()).toBe(0);
    await screenshot(page, 'w2-by-hand-02-inputs-typed');

    await enterOutcomes();
    await screenshot(page, 'w2-by-hand-03-impact-map');
    await expectW2Results();
    await screenshot(page, 'w2-by-hand-04-results');
  });

  it('keeps every field after a reload', async () => {
    await page.reload();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe(W2_RESULTS.ratio);
    expect(await figure('pv')).toBe(W2_RESULTS.pv);

    await go(/Scope/);
    expect(await main().getByLabel('Currency', { exact: true }).inputValue()).toBe('EUR');
    expect(await main().getByLabel('Period end', { exact: true }).inputValue()).toBe('2025-12-31');

    await go(/Stakeholders/);
    const pwud = page.getByRole('article', { name: 'People who use drugs' });
    expect(await pwud.getByLabel('Number in the group', { exact: true }).inputValue()).toBe('400');
    expect(await pwud.getByLabel('People who took part', { exact: true }).inputValue()).toBe('64');

    await go(/Inputs and budget/);
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('106,250.00 EUR');
    expect(await cell(3, 'hourlyRate').textContent()).toBe('9.50');
    expect(await cell(2, 'notes').textContent()).toBe('Market value of a comparable used van');

    await go(/Impact map/);
    for (const o of OUTCOMES) {
      const card = outcomeCard(o.name);
      expect(await card.getByLabel('Experienced by', { exact: true }).locator('option:checked').textContent()).toBe(
        o.stakeholder,
      );
      expect(await card.getByLabel('Proxy value (per person)', { exact: true }).inputValue()).toBe(o.value);
      expect(await card.getByLabel('Starts', { exact: true }).locator('option:checked').textContent()).toBe(o.starts);
      for (const [label, value] of [
        ['Quantity', o.quantity],
        ['Duration', o.duration],
        ['Deadweight', o.deadweight],
        ['Displacement', o.displacement],
        ['Attribution', o.attribution],
        ['Drop-off', o.dropOff],
      ] as const) {
        expect(await card.getByLabel(label, { exact: true }).inputValue(), `${o.name}: ${label}`).toBe(value);
      }
    }
  });

  it('changes the OAT deadweight from 25 % to 50 %: the ratio follows the hand calculation; Undo brings 1.70 back', async () => {
    // By hand. Deadweight enters only the impact of "Retained in opioid agonist treatment", and its PV is linear
    // in (1 - DW): every other outcome, and the investment, stay as they are. So
    //   PV_oat'  = 112,043.097332 x (1 - 0.50) / (1 - 0.25) = 112,043.097332 x 2/3 = 74,695.398221
    //   PV'      = 180,737.349240 - 112,043.097332 + 74,695.398221 = 143,389.650129
    //   ratio'   = 143,389.650129 / 106,250 = 1.349550   -> "1.35 : 1"
    //   NPV'     = 143,389.650129 - 106,250 = 37,139.650129
    // The payback (Guide) uses year-1 values only, and OAT starts after the activity (0 in year 1): still 18.7.
    await go(/Impact map/);
    const oat = outcomeCard('Retained in opioid agonist treatment');
    await fill('Deadweight', '50', oat);
    await expect.poll(() => oat.locator('p.computed').textContent()).toMatch(/^Impact: 37,500\.00 EUR /);
    expect(await oat.locator('p.computed').textContent()).toContain('Present value: 74,695.40 EUR');
    // the side navigation shows the new ratio at once
    await expect
      .poll(() => page.getByRole('navigation', { name: 'Stages of the analysis' }).locator('.nav-ratio').textContent())
      .toBe('SROI: 1.35 : 1');

    await go(/Results/);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.35 : 1');
    expect(await figure('pv')).toBe('143,389.65 EUR');
    expect(await figure('npv')).toBe('37,139.65 EUR');
    expect(await figure('payback-guide')).toBe('18.7 months');
    await screenshot(page, 'w2-by-hand-05-deadweight-50');

    // The Undo button in the side navigation takes the edit back, in the store too.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    expect(await figure('pv')).toBe(W2_RESULTS.pv);
    await go(/Impact map/);
    expect(await oat.getByLabel('Deadweight', { exact: true }).inputValue()).toBe('25');

    // Redo puts it back; a reload finds 50 % saved; typing 25 again restores W2 (undo history lasts a session).
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => oat.getByLabel('Deadweight', { exact: true }).inputValue()).toBe('50');
    await page.reload();
    await expect.poll(() => oat.getByLabel('Deadweight', { exact: true }).inputValue()).toBe('50');
    await go(/Results/);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.35 : 1');

    await go(/Impact map/);
    await fill('Deadweight', '25', oat);
    await go(/Results/);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    await page.reload();
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe('1.70 : 1');
    expect(await figure('pv')).toBe(W2_RESULTS.pv);
  });

  it('shows a bad attribution ("abc", then 150) in place with its reason, and saves neither', async () => {
    await go(/Impact map/);
    const oat = outcomeCard('Retained in opioid agonist treatment');
    const attribution = oat.getByLabel('Attribution', { exact: true });

    await fill('Attribution', 'abc', oat);
    await expect
      .poll(() => oat.getByRole('alert').textContent())
      .toBe('Attribution is not a number; type digits with "." for decimals, e.g. 1,234.5');
    expect(await attribution.getAttribute('aria-invalid')).toBe('true');
    // the message is the field's description, next to it
    const describedBy = (await attribution.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('Attribution is not a number');
    await screenshot(page, 'w2-by-hand-06-bad-attribution');

    await fill('Attribution', '150', oat);
    await expect.poll(() => oat.getByRole('alert').textContent()).toBe('Attribution must be at most 100.');
    // the results were not touched
    expect(await oat.locator('p.computed').textContent()).toContain('Present value: 112,043.10 EUR');

    await page.reload();
    await expect.poll(() => attribution.inputValue()).toBe('50');
    expect(await oat.getByRole('alert').count()).toBe(0);
    await go(/Results/);
    await expect.poll(() => page.getByTestId('sroi-ratio').textContent()).toBe(W2_RESULTS.ratio);
  });

  it('enters W2 again in a second project with the inputs pasted as a tab-separated block', async () => {
    await createProject('Street outreach and naloxone (W2 pasted)');
    await enterScope();
    await enterStakeholders();

    await go(/Inputs and budget/);
    await expect.poll(() => grid().isVisible()).toBe(true);
    // Ctrl+V after copying the three rows in a spreadsheet: a paste event with tab-separated text at the
    // first cell of the empty line.
    await cell(1, 'description').click();
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, `${W2_INPUTS_TSV}\r\n`);
    await expect.poll(() => page.getByTestId('investment-total').textContent()).toBe('106,250.00 EUR');
    expect(await grid().getByRole('rowheader').allTextContents()).toEqual([
      'Municipal grant',
      'Donated van',
      'Peer volunteer time',
      'Type here to add a line',
    ]);
    expect(await cell(3, 'amount').textContent()).toContain('14,250.00');
    expect(await cell(3, 'hours').textContent()).toBe('1,500');
    expect(await cell(2, 'stakeholder').textContent()).toBe('Local business');
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'w2-by-hand-07-inputs-pasted');

    await enterOutcomes();
    await expectW2Results();

    // the first project is still there, unchanged, next to this one
    await page.goto(app.url);
    await expect
      .poll(() => page.getByRole('link', { name: 'Street outreach and naloxone (W2 by hand)' }).isVisible())
      .toBe(true);
    expect(await page.getByRole('link', { name: 'Street outreach and naloxone (W2 pasted)' }).isVisible()).toBe(true);
    const rows = page.locator('table.projects tbody tr');
    expect(await rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('5 stakeholder groups, 3 inputs, 4 outcomes');
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
