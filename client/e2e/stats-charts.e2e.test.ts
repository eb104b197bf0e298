// The administrator's charts in the browser: two applications submitted (each applicant on the 积分申请 form), then the
// 积分统计 page shows its five charts as images that the browser actually decoded (an SVG that failed to load has no
// natural size), the 分数线测算 page answers a moved line with its count and chart, and the applicant's 我的积分变化
// draws their projection. Standard and elder mode (长辈版) each run against a cloud of their own; axe-core runs on
// every screen, screenshots and axe.json under artifacts/stats-charts-<mode>/.
import type { Page } from 'playwright-core';
import { at } from './support/domain';
import { applyOnScreen } from './support/applicant-screens';
import { click, seeText } from './support/app';
import { browserFlow } from './support/flow';
import { MODES, inMode, screens } from './support/journey';

/** Chart images on the visible page that the browser decoded, and their accessible names. */
async function decodedCharts(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('img[src^="data:image/svg+xml"]')).filter(
      (i) => i.offsetParent !== null,
    );
    return imgs.length > 0 && imgs.every((i) => i.complete);
  });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLImageElement>('img[src^="data:image/svg+xml"]'))
      .filter((i) => i.offsetParent !== null && i.naturalWidth > 0)
      .map((i) => i.closest('[aria-label]')?.getAttribute('aria-label') ?? ''),
  );
}

describe.each(MODES)('charts in %s mode', (mode, elder) => {
  const flow = browserFlow({ now: at('2026-03-04') });
  const { check, violations } = screens('stats-charts', mode);
  /** `persona`'s own phone on `route`, in this pass's mode. */
  const open = async (persona: string, route: string): Promise<Page> =>
    inMode(await flow.app.open(persona, route, { elder }), elder);

  test('积分统计 and 分数线测算 draw their charts in the browser', async () => {
    await applyOnScreen(
      flow.app,
      flow.cloud,
      'demo-applicant',
      [
        { indicator: 'education', value: { education: 'bachelor', hasDiplomaAndDegree: true } },
        { indicator: 'socialInsurance', value: { socialInsuranceMonths: 48 } },
      ],
      { elder },
    );
    await applyOnScreen(
      flow.app,
      flow.cloud,
      'demo-employee',
      [{ indicator: 'socialInsurance', value: { socialInsuranceMonths: 24 } }],
      { elder },
    );

    const admin = await open('demo-admin', 'packages/stats/overview/index?year=2026');
    await seeText(admin, '2026年度概况');
    // Submitted Wednesday 2026-03-04: one week, two applications.
    await seeText(admin, '2026年度共受理积分申请2件，分布在1周；最多的一周为3月2日起的一周，2件。');
    const charts = await decodedCharts(admin);
    expect(charts).toHaveLength(5);
    await check(admin, 'overview');

    const line = await open('demo-admin', 'packages/stats/line/index?year=2026');
    await seeText(line, '2026年度按分数线100分的录取情况');
    await click(line, '分数线增加5分');
    await seeText(line, '2026年度按分数线105分的录取情况');
    await seeText(line, '将录取');
    expect(await decodedCharts(line)).toHaveLength(1);
    await check(line, 'line');

    // The applicant's own history: nothing published yet, so the projection starts from what they claimed.
    const me = await open('demo-applicant', 'packages/stats/history/index');
    await seeText(me, /按2026年度申请中填报的指标测算/);
    expect(await decodedCharts(me)).toHaveLength(1);
    await check(me, 'history');

    // ---- axe-core: no critical or serious violation on any chart screen ----
    expect(violations()).toEqual([]);
  });
});
