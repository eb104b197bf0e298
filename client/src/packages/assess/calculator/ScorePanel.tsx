// The score as it stands: total (or veto), each item with points, explanation and source, unverified marked.
import { formatChineseDate } from '@hz-points/shared';
import { Text, View } from '@tarojs/components';
import type { ScoreItem, ScoreResult } from '@hz-points/shared';
import { Failure } from '@nutui/icons-react-taro';
import { Citation, SourceNote, citationText, standingText } from '../../../components/Citation';
import { POINTS_THRESHOLD } from '@hz-points/shared';

function fmtPoints(p: number): string {
  return p > 0 ? `+${p}` : String(p);
}

export function TotalBar({ result, incomplete }: { result: ScoreResult | null; incomplete: boolean }) {
  if (!result) {
    return (
      <View className="hz-total" role="status" ariaRole="status" aria-live="polite">
        <Text className="hz-total__label">估算积分</Text>
        <Text className="hz-total__hint">请先选择出生日期</Text>
      </View>
    );
  }
  if (result.veto) {
    return (
      <View className="hz-total hz-total--veto" role="status" ariaRole="status" aria-live="polite">
        <Text className="hz-total__label">估算积分</Text>
        <Text className="hz-total__value" data-testid="total">
          不予积分
        </Text>
      </View>
    );
  }
  const total = result.total ?? 0;
  const reached = total >= POINTS_THRESHOLD;
  const unverified = result.items.some((i) => i.points !== 0 && !i.verified);
  return (
    <View className="hz-total" role="status" ariaRole="status" aria-live="polite">
      <Text className="hz-total__label">估算积分</Text>
      <Text className="hz-total__value" data-testid="total">
        {total}
      </Text>
      <Text className="hz-total__unit">分</Text>
      <Text className={reached ? 'hz-total__badge hz-total__badge--ok' : 'hz-total__badge'}>
        {reached
          ? `✓ 已满${POINTS_THRESHOLD}分`
          : `✗ 距${POINTS_THRESHOLD}分差${Math.round((POINTS_THRESHOLD - total) * 10) / 10}分`}
      </Text>
      {/* Said once for the whole estimate; each item's 说明/依据 link tells which rule and why. */}
      {unverified && <Text className="hz-total__note">⚠ 含未核实规则</Text>}
      {incomplete && <Text className="hz-total__note">有填写错误的项目按未填写计算</Text>}
    </View>
  );
}

function ItemRow({ item }: { item: ScoreItem }) {
  return (
    <View className={`hz-item${item.verified ? '' : ' hz-item--unverified'}`} data-testid={`item-${item.code}`}>
      <View className="hz-item__head">
        <Text className="hz-item__label">{item.label}</Text>
        <Text className={`hz-item__points${item.points < 0 ? ' hz-item__points--minus' : ''}`}>
          {fmtPoints(item.points)}分
        </Text>
      </View>
      <Text className="hz-item__explanation">{item.explanation}</Text>
      <SourceNote subject={item.label} verified={item.verified}>
        <Text className="hz-source__standing">{standingText(item.verified, item.confidence)}</Text>
        <Text className="hz-cite">依据：{citationText(item.source)}</Text>
      </SourceNote>
    </View>
  );
}

export function ScorePanel({ result }: { result: ScoreResult }) {
  if (result.veto) {
    return (
      <View className="hz-alert" role="alert" ariaRole="alert">
        <Text className="hz-alert__title">
          <Failure size={18} aria-hidden /> 一票否决：不予积分
        </Text>
        <Text>{result.veto.reason}</Text>
        <Citation source={result.veto.source} verified={result.veto.verified} />
      </View>
    );
  }
  const counted = result.items.filter((i) => i.points !== 0);
  const zero = result.items.length - counted.length;
  return (
    <View className="hz-card">
      <Text className="hz-card__title">积分明细（按{formatChineseDate(result.cutoffDate)}指标截止日）</Text>
      {counted.some((i) => !i.verified) && (
        <Text className="hz-muted hz-source__legend">
          标“⚠”的项目按公开转载的指标表估算，尚未与官方文件核对；点“说明/依据”查看出处。
        </Text>
      )}
      {counted.length === 0 && <Text className="hz-muted">尚无得分项目。</Text>}
      {counted.map((item) => (
        <ItemRow key={item.code} item={item} />
      ))}
      {zero > 0 && <Text className="hz-muted">其余{zero}项指标为0分。</Text>}
      {result.warnings.length > 0 && (
        <View className="hz-warnings" aria-label="提示">
          {result.warnings.map((w) => (
            <Text key={w.code} className="hz-warnings__item">
              ⚠ {w.message}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
