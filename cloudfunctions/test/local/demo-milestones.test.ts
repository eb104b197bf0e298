import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { upcomingMilestones, type RoundDatesView } from '../../src/local/demo-milestones';
import { startLocalCloud, type LocalCloud } from '../../src/local/start';

// Round 2025 as the policy sets it (RULES.md): points applications until 09-30, cut-off 10-01, settlement
// applications 11-01 to 11-30.
const ROUND_2025: RoundDatesView = {
  year: 2025,
  cutoffDate: '2025-10-01',
  settlementOpens: '2025-11-01',
  settlementCloses: '2025-11-30',
  pointsApplication: { closes: '2025-09-30' },
};

describe("the persona bar's 时间快进 milestones", () => {
  test("a round's windows, each at 09:00 Beijing, only those after now, earliest first", () => {
    const got = upcomingMilestones(new Date('2025-09-30T01:00:00Z'), [ROUND_2025], []);
    // 2025-09-30 09:00 Beijing is now itself: not "next".
    expect(got).toEqual([
      { at: '2025-10-01T09:00:00+08:00', date: '2025-10-01', label: '2025年度积分指标截止日' },
      { at: '2025-11-01T09:00:00+08:00', date: '2025-11-01', label: '2025年度积分落户申请开始' },
      { at: '2025-12-01T09:00:00+08:00', date: '2025-12-01', label: '2025年度落户申请截止后（可公布名单）' },
    ]);
    expect(upcomingMilestones(new Date('2025-09-30T00:59:59Z'), [ROUND_2025], [])[0]).toEqual({
      at: '2025-09-30T09:00:00+08:00',
      date: '2025-09-30',
      label: '2025年度积分申请截止日',
    });
  });

  test("an application's result, objection and certificate days; the certificate waits for an open objection", () => {
    const app = { year: 2025, resultDate: '2025-08-26', resultOn: '2025-08-27', objectionDeadline: '2025-09-16' };
    const got = upcomingMilestones(new Date('2025-08-20T01:00:00Z'), [], [app]);
    // Final the day after the objection deadline (09-17); certificate 7 working days later: 09-18, 19, 22, 23, 24,
    // 25, 26 → 2025-09-26.
    expect(got.map((m) => [m.date, m.label])).toEqual([
      ['2025-08-26', '2025年度申请的审核结果日'],
      ['2025-08-27', '2025年度申请的结果公布日'],
      ['2025-09-16', '2025年度申请的异议截止日'],
      ['2025-09-17', '2025年度积分确定（异议期结束）'],
      ['2025-09-26', '2025年度可出具积分有效凭证'],
    ]);
    const withObjection = upcomingMilestones(
      new Date('2025-08-20T01:00:00Z'),
      [],
      [{ ...app, objection: { status: 'open' } }],
    );
    expect(withObjection.map((m) => m.date)).not.toContain('2025-09-26');
  });

  test("no certificate day offered when the year's holidays are not registered", () => {
    const app = { year: 2027, resultDate: null, resultOn: null, objectionDeadline: '2027-12-30' };
    expect(upcomingMilestones(new Date('2027-12-01T01:00:00Z'), [], [app]).map((m) => m.date)).toEqual([
      '2027-12-30',
      '2027-12-31',
    ]);
  });

  test('one milestone per instant, at most the limit', () => {
    const twin = { ...ROUND_2025, year: 2025 };
    expect(upcomingMilestones(new Date('2025-01-01T00:00:00Z'), [ROUND_2025, twin], [], 2)).toHaveLength(2);
    expect(upcomingMilestones(new Date('2025-01-01T00:00:00Z'), [ROUND_2025, twin], [])).toHaveLength(4);
  });
});

describe('GET /api/dev/milestones on the local cloud with the demo', () => {
  let cloud: LocalCloud;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hz-milestones-'));
    cloud = await startLocalCloud({
      port: 0,
      dataDir: join(dir, 'data'),
      now: '2025-09-01T09:00:00+08:00',
      staticDir: dir,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('reads the demo round (any caller), and moving the clock to one lands on it', async () => {
    const res = await fetch(`${cloud.url}/api/dev/milestones`, { headers: { 'X-WX-OPENID': 'demo-applicant' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      data: { now: string; milestones: { at: string; label: string }[] };
    };
    expect(body.ok).toBe(true);
    expect(body.data.milestones.slice(0, 1)).toEqual([
      { at: '2025-09-30T09:00:00+08:00', date: '2025-09-30', label: '2025年度积分申请截止日' },
    ]);
    const anonymous = (await (await fetch(`${cloud.url}/api/dev/milestones`)).json()) as typeof body;
    expect(anonymous.data.milestones.map((m) => m.at)).toContain('2025-11-01T09:00:00+08:00');
    const moved = await fetch(`${cloud.url}/api/dev/clock`, {
      method: 'POST',
      body: JSON.stringify({ now: body.data.milestones[0]!.at }),
    });
    expect(((await moved.json()) as { data: { now: string } }).data.now.slice(0, 16)).toBe('2025-09-30T01:00');
    expect((await fetch(`${cloud.url}/api/dev/milestones`, { method: 'POST' })).status).toBe(405);
  });
});
