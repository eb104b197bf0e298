// When the person reaches 100 points if life goes on, and which single change adds most (planPoints).
import { formatChineseDate } from '@hz-points/shared';
import { Text, View } from '@tarojs/components';
import type { PlanResult } from '@hz-points/shared';
import { POINTS_THRESHOLD } from '@hz-points/shared';

export function PlanPanel({ plan }: { plan: PlanResult }) {
  if (plan.veto) return null;
  const r = plan.reaches100;
  return (
    <View className="hz-card hz-plan" aria-label="提分规划">
      <Text className="hz-card__title">提分规划</Text>
      <View className="hz-plan__headline" role="status" ariaRole="status">
        {r === null && (
          <Text>{`按目前情况，未来${plan.projections.length}个年度内达不到${POINTS_THRESHOLD}分，可参考下方建议。`}</Text>
        )}
        {r?.when === 'now' && (
          <Text>{`目前已达到${POINTS_THRESHOLD}分（${r.total}分），可在积分落户申请期内申请。${POINTS_THRESHOLD}分是申请起点，不是落户承诺。`}</Text>
        )}
        {r && r.when !== 'now' && (
          <Text>
            按目前情况持续缴纳社保、居住，预计在{formatChineseDate(r.when)}指标截止日达到{r.total}分。
          </Text>
        )}
      </View>
      {plan.projections.length > 0 && (
        <View className="hz-plan__table" role="table" ariaRole="table" aria-label="各年度预计积分">
          {plan.projections.map((p) => (
            <View key={p.cutoffDate} className="hz-plan__row" role="row" ariaRole="row">
              <View role="cell" ariaRole="cell">
                {formatChineseDate(p.cutoffDate)}
              </View>
              <View role="cell" ariaRole="cell" className="hz-plan__total">
                {p.total === null ? '—' : `${p.total}分`}
                {p.total !== null && p.total >= POINTS_THRESHOLD ? ` ✓ 满${POINTS_THRESHOLD}分` : ''}
              </View>
            </View>
          ))}
        </View>
      )}
      {plan.suggestions.length > 0 && (
        <View className="hz-plan__suggestions">
          <Text className="hz-plan__subtitle">加分最多的做法（下一截止日）</Text>
          {plan.suggestions.slice(0, 5).map((s, i) => (
            <View key={s.key} className="hz-plan__suggestion">
              <Text className="hz-plan__rank">{i + 1}</Text>
              <Text className="hz-plan__change">{s.change}</Text>
              <Text className="hz-plan__gain">+{s.gain}分</Text>
            </View>
          ))}
        </View>
      )}
      <View className="hz-plan__assumptions">
        <Text className="hz-plan__subtitle">估算假设</Text>
        {plan.assumptions.map((a) => (
          <Text key={a} className="hz-muted hz-plan__assumption">
            · {a}
          </Text>
        ))}
      </View>
    </View>
  );
}
