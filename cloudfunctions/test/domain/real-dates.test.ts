// Every date an action accepts is a real calendar date, and a round's dates keep the order roundDates gives them:
// points applications close before the settlement window opens, the indicator cut-off lies before it, and the
// window's first day is not after its last. A refusal is VALIDATION_FAILED naming the field in Chinese, and stores
// nothing. (Before: rounds.open / rounds.adjust took any string shaped like a date, e.g. 2029-02-30, and later
// actions of that round answered INTERNAL.)
import { IsoDateSchema } from '@hz-points/shared';
import { seedDemo } from '../../src/demo/seed';
import { createTestCloud, snapshot, type TestCloud } from '../helpers/runtime';

const ADMIN = 'demo-admin';
const bj = (date: string, time = '10:00:00.000') => new Date(`${date}T${time}+08:00`).toISOString();

describe('IsoDateSchema: real calendar dates only', () => {
  test.each(['2028-02-29', '2000-02-29', '2026-10-21', '2026-12-31', '1900-01-01', '2100-12-31'])(
    '%s accepted',
    (d) => {
      expect(IsoDateSchema.safeParse(d).success).toBe(true);
    },
  );
  test.each([
    '2029-02-30',
    '2030-11-31',
    '2027-02-29',
    '1900-02-29', // a century year not divisible by 400
    '2026-13-01',
    '2026-00-10',
    '2026-04-00',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    '1899-12-31',
    '2101-01-01',
    '',
  ])('%s refused', (d) => {
    expect(IsoDateSchema.safeParse(d).success).toBe(false);
  });
});

describe.each(['sqlite', 'cloudbase'] as const)('rounds on %s', (storeKind) => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2025-09-26'), { store: storeKind });
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  /** The call is refused with VALIDATION_FAILED whose message names `label`, and nothing is stored. */
  async function refusedNaming(label: string, action: 'open' | 'adjust', payload: Record<string, unknown>) {
    const before = await snapshot(cloud.store);
    const res = await cloud.call(ADMIN, 'rounds', action, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(res.ok ? '' : res.error.message).toContain(label);
    expect(await snapshot(cloud.store)).toBe(before);
  }

  test('2029-02-30 as the settlement opening day is refused by rounds.open', async () => {
    await refusedNaming('落户申请开始日', 'open', { year: 2029, dates: { settlementOpens: '2029-02-30' } });
  });

  test('2030-11-31 as the settlement closing day is refused by rounds.open', async () => {
    await refusedNaming('落户申请截止日', 'open', { year: 2030, dates: { settlementCloses: '2030-11-31' } });
  });

  test('2027-02-29 (not a leap year) is refused; 2028-02-29 is accepted and the round works afterwards', async () => {
    await refusedNaming('积分申请截止日', 'open', { year: 2027, dates: { pointsApplicationCloses: '2027-02-29' } });
    const { round } = await cloud.ok(ADMIN, 'rounds', 'open', {
      year: 2028,
      dates: { pointsApplicationCloses: '2028-02-29' },
    });
    expect(round.pointsApplication.closes).toBe('2028-02-29');
    expect(round).toMatchObject({
      cutoffDate: '2028-10-01',
      settlementOpens: '2028-11-01',
      settlementCloses: '2028-11-30',
    });
    // Later actions of that round read the stored date.
    expect((await cloud.call('demo-applicant', 'rounds', 'get', { year: 2028 })).ok).toBe(true);
    const draft = await cloud.call('demo-applicant', 'applications', 'saveDraft', {
      year: 2028,
      claims: [{ indicator: 'rental', value: { rentalYears: 2 }, evidence: [] }],
    });
    expect(draft).toMatchObject({ ok: true, data: { application: { year: 2028, status: 'draft' } } });
    cloud.setNow(bj('2028-03-01', '00:00:00.000'));
    expect(await cloud.call('demo-applicant', 'applications', 'saveDraft', { year: 2028, claims: [] })).toMatchObject({
      ok: false,
      error: { code: 'ROUND_NOT_OPEN' },
    });
  });

  test('rounds.adjust refuses dates that do not exist, on the stored round', async () => {
    await refusedNaming('落户申请开始日', 'adjust', { year: 2025, dates: { settlementOpens: '2025-11-31' } });
    await refusedNaming('落户申请截止日', 'adjust', { year: 2025, dates: { settlementCloses: '2025-02-29' } });
    await refusedNaming('积分申请截止日', 'adjust', { year: 2025, dates: { pointsApplicationCloses: '2025-09-31' } });
  });

  test('out of order on open: opening before the cut-off, closing before opening, points closing after opening', async () => {
    // 2029: cut-off 2029-10-01, settlement 2029-11-01..2029-11-30, points applications until 2029-09-30.
    await refusedNaming('落户申请开始日：须晚于指标截止日（2029年10月1日）', 'open', {
      year: 2029,
      dates: { settlementOpens: '2029-09-15' },
    });
    await refusedNaming('落户申请开始日', 'open', { year: 2029, dates: { settlementOpens: '2029-10-01' } });
    await refusedNaming('落户申请截止日：不能早于落户申请开始日（2029年11月1日）', 'open', {
      year: 2029,
      dates: { settlementCloses: '2029-10-31' },
    });
    await refusedNaming('积分申请截止日：须早于落户申请开始日（2029年11月1日）', 'open', {
      year: 2029,
      dates: { pointsApplicationCloses: '2029-11-01' },
    });
    await refusedNaming('积分申请截止日', 'open', {
      year: 2029,
      dates: { settlementOpens: '2029-11-10', pointsApplicationCloses: '2029-11-12' },
    });
    // In order (a later opening, points closing the day before it): accepted.
    const { round } = await cloud.ok(ADMIN, 'rounds', 'open', {
      year: 2029,
      dates: { settlementOpens: '2029-11-10', settlementCloses: '2029-11-10', pointsApplicationCloses: '2029-11-09' },
    });
    expect(round).toMatchObject({
      settlementOpens: '2029-11-10',
      settlementCloses: '2029-11-10',
      pointsApplication: { closes: '2029-11-09' },
    });
  });

  test('out of order on adjust is checked against the stored round, including earlier adjustments', async () => {
    // The 2025 round: cut-off 2025-10-01, settlement 2025-11-01..2025-11-30, points applications until 2025-09-30.
    await refusedNaming('落户申请开始日：须晚于指标截止日（2025年10月1日）', 'adjust', {
      year: 2025,
      dates: { settlementOpens: '2025-09-20' },
    });
    await refusedNaming('积分申请截止日：须早于落户申请开始日（2025年11月1日）', 'adjust', {
      year: 2025,
      dates: { pointsApplicationCloses: '2025-11-03' },
    });
    await cloud.ok(ADMIN, 'rounds', 'adjust', { year: 2025, dates: { settlementOpens: '2025-11-10' } });
    await refusedNaming('落户申请截止日：不能早于落户申请开始日（2025年11月10日）', 'adjust', {
      year: 2025,
      dates: { settlementCloses: '2025-11-05' },
    });
    await refusedNaming('积分申请截止日', 'adjust', { year: 2025, dates: { pointsApplicationCloses: '2025-11-10' } });
    const { round } = await cloud.ok(ADMIN, 'rounds', 'adjust', {
      year: 2025,
      dates: { pointsApplicationCloses: '2025-11-09' },
    });
    expect(round).toMatchObject({
      settlementOpens: '2025-11-10',
      settlementCloses: '2025-11-30',
      pointsApplication: { closes: '2025-11-09' },
    });
  });
});

describe('calendar.registerYear takes real dates only', () => {
  let cloud: TestCloud;
  beforeEach(async () => {
    cloud = createTestCloud(bj('2026-11-02'));
    await seedDemo(cloud.runtime);
  });
  afterEach(() => cloud.close());

  test('2027-02-29 among the holidays is refused, naming the field, and nothing is stored', async () => {
    const before = await snapshot(cloud.store, ['calendarYears']);
    const res = await cloud.call(ADMIN, 'calendar', 'registerYear', {
      year: 2027,
      holidays: ['2027-01-01', '2027-02-29'],
      workdays: [],
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(res.ok ? '' : res.error.message).toContain('放假日期');
    expect(await snapshot(cloud.store, ['calendarYears'])).toBe(before);
  });
});
