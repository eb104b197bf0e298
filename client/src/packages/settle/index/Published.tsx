// What the round's publication gives the person: the admission result (rank, or the reason when not admitted) and
// the admission notice (准入通知书) with its validity and the days left.
import { Text } from '@tarojs/components';
import { DEADLINE_PERIODS, beijingDate, daysBetween, formatChineseDate, isOpenAt } from '@hz-points/shared';
import { Row, Section, StateBadge } from '../../apply/common/ui';
import type { SettlementGet } from './useSettlement';

const NOTICE_STATUS = { valid: '有效', expired: '已过期', used: '已落户' } as const;
/** The admission notice's validity, from the rules package. */
const NOTICE_DAYS = DEADLINE_PERIODS.admissionNotice.calendarDays;

function daysLeft(lastDay: string, now: Date): number {
  return daysBetween(beijingDate(now), lastDay);
}

export function Published(props: { result: SettlementGet['result']; notice: SettlementGet['notice']; now: Date }) {
  const { result, notice, now } = props;
  return (
    <>
      {result ? (
        <Section
          title="准入结果"
          extra={<StateBadge tone={result.admitted ? 'done' : 'off'} text={result.admitted ? '准予落户' : '未准入'} />}
        >
          {result.rank ? <Row label="排名">第{result.rank}名</Row> : null}
          {!result.admitted && result.reason ? <Row label="原因">{result.reason}</Row> : null}
        </Section>
      ) : null}

      {notice ? (
        <Section
          title={notice.title}
          extra={<StateBadge tone={notice.status === 'valid' ? 'done' : 'off'} text={NOTICE_STATUS[notice.status]} />}
        >
          <Row label="通知书编号">{notice.number}</Row>
          <Row label="签发日期">{formatChineseDate(notice.issuedOn)}</Row>
          <Row label="有效期至">
            <Text>
              {formatChineseDate(notice.expiresOn)}
              {notice.status === 'valid' && isOpenAt(notice.expiresOn, now)
                ? `（还剩${daysLeft(notice.expiresOn, now)}天）`
                : ''}
            </Text>
          </Row>
          <Text className="flows-muted">
            请在有效期（{NOTICE_DAYS}天）内持通知书和身份证件到拟落户区户籍窗口办理落户。
          </Text>
        </Section>
      ) : null}
    </>
  );
}
