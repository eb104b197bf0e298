// 我的积分变化: the person's published points of each round, and where the plan (planPoints, rules package) projects
// them at the coming cut-off dates if things simply go on — with the assumptions said in words. A delegate sees the
// person they act for (the banner says so).
import React, { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PointsHistoryInput } from '@hz-points/shared';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { useSession } from '../../../services/session';
import { callChecked } from '../../apply/common/api';
import { ErrorNotice, InfoNotice, Loading, Section } from '../../apply/common/ui';
import { formatChineseDate } from '../../apply/common/workdays';
import type { PointsHistory as History } from '@hz-points/shared';
import { ChartFigure } from '../common/ChartFigure';
import '../common/stats.scss';
import { POINTS_THRESHOLD } from '@hz-points/shared';

export default function PointsHistoryPage() {
  const session = useSession();
  const onBehalfOf = session.actingFor?.personId;
  const [data, setData] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    callChecked(PointsHistoryInput, 'stats', 'history', onBehalfOf ? { onBehalfOf } : {}).then((res) => {
      if (!live) return;
      if (res.ok) setData(res.data);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [onBehalfOf]);

  const p = data?.projection;
  return (
    <PageShell title="我的积分变化">
      <ErrorNotice message={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <ChartFigure chart={data.chart} id="stats-history" />
          {p ? (
            <Section title="预测说明">
              <Text className="flows-muted">
                {p.basis === 'approved'
                  ? `按${p.basisYear}年度经部门审核确认的指标测算。`
                  : `按${p.basisYear}年度申请中填报的指标测算（尚未审核确认，仅供参考）。`}
                {p.reaches100
                  ? p.reaches100.when === 'now'
                    ? `现已达到${POINTS_THRESHOLD}分。`
                    : `预计${formatChineseDate(p.reaches100.when)}的截止日达到${p.reaches100.total}分。`
                  : `按现有情况，5年内不会达到${POINTS_THRESHOLD}分。`}
              </Text>
              <View>
                {p.assumptions.map((a, i) => (
                  <Text key={i} className="flows-muted" style={{ display: 'block' }}>
                    {`${i + 1}. ${a}`}
                  </Text>
                ))}
              </View>
            </Section>
          ) : (
            <InfoNotice>尚无积分申请，无法预测。可先用“积分测算”估算。</InfoNotice>
          )}
          <View className="flows-actions">
            <Button block onClick={() => navigate('calculator', {})}>
              积分测算与提分建议
            </Button>
          </View>
        </>
      ) : null}
    </PageShell>
  );
}
