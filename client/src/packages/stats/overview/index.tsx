// 积分统计 (administrator; district offices read-only): the round as charts — applications by week and by district,
// the score distribution, how long items wait per department against the 20-working-day target, and objections
// answered within or past 15 working days. Each chart comes with its summary and a data table.
import React, { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { StatsOverviewInput, beijingDate } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { hasRole, useSession } from '../../../services/session';
import { callChecked } from '../../apply/common/api';
import { useNow } from '../../apply/common/now';
import { ErrorNotice, Loading, Row, Section } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import type { StatsOverview as Overview } from '@hz-points/shared';
import { ChartFigure } from '../common/ChartFigure';
import { YearBar, initialYear } from '../common/YearBar';
import '../common/stats.scss';

export default function StatsOverviewPage() {
  const router = useRouter();
  const now = useNow();
  const { me } = useSession();
  const [year, setYear] = useState(() => initialYear(router.params.year, beijingDate(now)));
  const [data, setData] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    callChecked(StatsOverviewInput, 'stats', 'overview', { year }).then((res) => {
      if (!live) return;
      if (res.ok) setData(res.data);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [year]);

  return (
    <PageShell title="积分统计">
      <YearBar year={year} onChange={setYear} />
      <ErrorNotice message={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <Section title={`${data.year}年度概况`}>
            <Row label="统计日期">{formatChineseDate(data.today)}</Row>
            <Row label="受理积分申请">{`${data.counts.submitted}件`}</Row>
            <Row label="已评分">{`${data.counts.scored}件`}</Row>
            <Row label="待审事项">{`${data.counts.waitingItems}项`}</Row>
            <Row label="异议">{`${data.counts.objections}件`}</Row>
            <Row label="积分落户申请">{`${data.counts.settlementApplications}件`}</Row>
          </Section>
          <ChartFigure chart={data.charts.byWeek} id="stats-by-week" />
          <ChartFigure chart={data.charts.byDistrict} id="stats-by-district" />
          <ChartFigure chart={data.charts.scores} id="stats-scores" />
          <ChartFigure chart={data.charts.queueAge} id="stats-queue-age" />
          <ChartFigure chart={data.charts.objections} id="stats-objections" />
          {hasRole(me, 'admin') ? (
            <Section title="落户分数线">
              <Text className="flows-muted">先看分数线对录取人数的影响，再设定。</Text>
              <Button block onClick={() => navigate('statsLine', { year })}>
                分数线测算
              </Button>
            </Section>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
