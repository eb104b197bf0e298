// 名单积分测算: the whole roster scored with the rules package on the server (planPoints): each employee's points
// today, at the coming cut-offs, and when they reach 100 — an estimate to decide whom to help apply first.
import React, { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '../../../components/PageShell';
import { navigate } from '../../../routes';
import { ErrorNotice, InfoNotice, Loading, Row, Section, StateBadge } from '../../apply/common/ui';
import { assessRoster, zhDate, type AssessResult, type AssessRow } from '../roster/api';
import { POINTS_THRESHOLD } from '@hz-points/shared';

/** Rows rendered at once: a 5,000-person roster is paged on the page, not in the call. */
const PAGE = 100;

function reachText(r: AssessRow): string {
  if (r.vetoed) return '存在一票否决情形';
  if (!r.reaches100) return `5年内预计达不到${POINTS_THRESHOLD}分`;
  return r.reaches100.when === 'now'
    ? `已达到${POINTS_THRESHOLD}分`
    : `预计${zhDate(r.reaches100.when)}达到${POINTS_THRESHOLD}分（${r.reaches100.total}分）`;
}

export default function RosterAssessPage() {
  const [data, setData] = useState<AssessResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  useEffect(() => {
    assessRoster().then((r) => (r.ok ? setData(r.data) : setError(r.error.message)));
  }, []);

  if (!data) {
    return <PageShell title="名单积分测算">{error ? <ErrorNotice message={error} /> : <Loading />}</PageShell>;
  }
  return (
    <PageShell title="名单积分测算">
      <InfoNotice>按政策规则估算（社保按月连续缴纳、居住登记和租赁逐年增加），仅供参考，以审核结果为准。</InfoNotice>
      <Section title={`测算汇总（共${data.count}人）`}>
        <Row label={`已达到${POINTS_THRESHOLD}分`}>
          <StateBadge tone="done" text={`${data.reaches100.now}人`} />
        </Row>
        {data.reaches100.byCutoff.map((c) => (
          <Row key={c.cutoffDate} label={`${zhDate(c.cutoffDate)}达到`}>
            <StateBadge tone="wait" text={`${c.count}人`} />
          </Row>
        ))}
        <Row label="5年内达不到">
          <StateBadge tone="off" text={`${data.reaches100.notWithinYears}人`} />
        </Row>
      </Section>
      <Section title="逐人测算">
        {data.rows.length === 0 ? <Text className="flows-muted">名单为空，请先导入员工名单。</Text> : null}
        {data.rows.slice(0, shown).map((r, i) => (
          <View key={`${r.idNumber}-${i}`} className="flows-item" aria-label={`${r.name}，${reachText(r)}`}>
            <View className="flows-item__head">
              <Text className="flows-item__title">{r.name}</Text>
              <Text>{r.total === null ? '一票否决' : `当前${r.total}分`}</Text>
            </View>
            <View className="flows-item__meta">
              <Text>身份证：{r.idNumber}</Text>
            </View>
            <View className="flows-item__meta">
              <Text>{reachText(r)}</Text>
            </View>
            {r.plan.length > 0 ? (
              <View className="flows-item__meta">
                <Text>
                  {r.plan
                    .map((p) => `${p.cutoffDate.slice(0, 4)}年${p.total === null ? '—' : `${p.total}分`}`)
                    .join(' · ')}
                </Text>
              </View>
            ) : null}
            {r.bestChange ? (
              <View className="flows-item__meta">
                <Text>
                  建议：{r.bestChange.change}（+{r.bestChange.gain}分）
                </Text>
              </View>
            ) : null}
          </View>
        ))}
        {data.rows.length > shown ? (
          <Button block fill="outline" onClick={() => setShown(shown + PAGE)}>
            再显示{Math.min(PAGE, data.rows.length - shown)}人
          </Button>
        ) : null}
      </Section>
      <View className="flows-actions">
        <Button block onClick={() => navigate('rosterBoard', {})}>
          查看代办看板
        </Button>
      </View>
    </PageShell>
  );
}
