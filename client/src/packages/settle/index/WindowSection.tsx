// The year's settlement window: whether applications are accepted now and the acceptance dates (the round's own once
// the server has answered, the rules' dates until then), with a note when the window is closed.
import { Text } from '@tarojs/components';
import { formatChineseDate, roundDates } from '@hz-points/shared';
import { Row, Section, StateBadge } from '../../apply/common/ui';
import type { SettlementGet } from './useSettlement';

/** The rules' settlement window for the year, before the server has answered with the round's own. */
function fallbackWindow(year: number): string {
  try {
    const d = roundDates(year);
    return `${formatChineseDate(d.settlementOpens)}至${formatChineseDate(d.settlementCloses)}（节假日除外）`;
  } catch {
    return '每年11月（节假日除外）';
  }
}

export function WindowSection({ year, state }: { year: number; state: SettlementGet | null }) {
  const windowText = state?.window
    ? `${formatChineseDate(state.window.opens)}至${formatChineseDate(state.window.closes)}（节假日除外）`
    : fallbackWindow(year);
  return (
    <Section
      title={`${year}年度积分落户`}
      extra={
        state?.acceptingNow ? <StateBadge tone="wait" text="受理中" /> : <StateBadge tone="off" text="未在受理期" />
      }
    >
      <Row label="受理时间">{windowText}</Row>
      {!state?.acceptingNow && !state?.settlement ? (
        <Text className="flows-muted">
          积分落户申请每年11月集中受理，仅在受理期内的工作日可提交；当前不在受理时间内。
        </Text>
      ) : null}
    </Section>
  );
}
